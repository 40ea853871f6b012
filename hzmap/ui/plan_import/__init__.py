"""Importing a plan: the draft's review, its records and elements, the user's datasets."""
