"""Reading an article: who is speaking (sources), what is claimed, wording to notice, paragraph
roles, coverage."""
