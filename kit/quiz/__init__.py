"""Quizzes: the question model, YAML banks, answer hashing and sealing, generated questions,
jupyterquiz import."""
