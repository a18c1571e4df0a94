"""Safe HTML and the one-call notebook views (articles, sources, claims, wording, coverage
compared)."""
