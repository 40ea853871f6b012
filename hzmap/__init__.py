"""hzmap: a map explorer for Hangzhou's policy spatial layouts (model, render, ui; cli)."""

__version__ = "0.1.0"
