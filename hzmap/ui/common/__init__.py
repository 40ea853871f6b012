"""What every part of the window shares: following the model (follow), one language mechanism
(i18n.Texts), settings, icons, fonts, errors, the blitting canvas, the layout chooser."""
