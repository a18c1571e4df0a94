"""Notebook widgets: thin views over the core (all logic lives in kit/*.py)."""
