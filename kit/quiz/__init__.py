"""Quizzes: the question model, YAML banks, answer hashing and sealing, generated questions,
jupyterquiz import.

Imports point one way, bottom up: `answers` (comparing and hashing answers), `questions` (the
parts of a bank), `writer` (YAML out), `bank` (reading and checking a bank file), `model` (the
Quiz: loading, grading, releasing, saving), then `generate` and `jupyterquiz`, which make Quizzes.
"""
