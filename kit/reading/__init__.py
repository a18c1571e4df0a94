"""Reading an article: who is speaking (sources), what is claimed, wording to notice, paragraph
roles; and corpora, whose tables show what the readers find in many articles."""
