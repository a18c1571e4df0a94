"""pandas views over a folder of articles, for teachers exploring a corpus."""

from __future__ import annotations

import kit


def test_sentence_view_offsets_slice_the_article_text(seed_path):
    corpus = kit.load_corpus([seed_path])
    df = corpus.sentences()
    assert list(df.columns) == ["article_id", "sentence", "paragraph", "start", "end", "text"]
    article = corpus["000_8e915a2399968c01"]
    for row in df.itertuples():
        assert article.text[row.start : row.end] == row.text
    assert len(df) == 15


def test_article_and_paragraph_views_count_what_a_teacher_expects(seed_path):
    corpus = kit.load_corpus([seed_path])
    art = corpus.articles().iloc[0]
    assert art.paragraphs == 13 and art.sentences == 15 and art.words > 300
    paras = corpus.paragraphs()
    assert paras.role.tolist()[:3] == ["headline", "standfirst", "body"]


def test_a_folder_with_bad_files_lists_them_and_loads_the_rest(tmp_path, seed_path):
    (tmp_path / "seed.txt").write_bytes(seed_path.read_bytes())
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    corpus = kit.load_corpus(tmp_path)
    assert len(corpus) == 1
    problems = corpus.problems_table()
    assert problems.path.str.endswith("broken.json").all()
    assert repr(corpus) == "Corpus(1 articles, 1 files not loaded)"


def test_wikinews_views_have_one_row_per_article(wikinews):
    corpus = kit.Corpus(wikinews)
    assert len(corpus.articles()) == len(wikinews) == 191
    assert corpus.sentences().groupby("article_id").size().min() >= 1
