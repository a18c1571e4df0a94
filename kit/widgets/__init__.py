"""Notebook widgets (ipywidgets + anywidget): thin views over the kit's core."""
