"""What every part of the window shares: translation, settings, icons, fonts, errors, the blitting canvas."""
