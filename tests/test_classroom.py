"""The class at a glance: exact summaries for a class with known answers."""

from __future__ import annotations

import math
import re
from dataclasses import replace

import krippendorff
import numpy as np
import pandas as pd
import pytest

import kit
from kit import KitError
from kit.classroom import tables as tidy
from kit.classroom.agreement import reading
from kit.classroom.classwork import find_class_dir, load_class
from kit.classroom.course import course_from_dict, load_course
from kit.classroom.course_folder import course_here, find_course_folder
from tests import classroom_helpers as h


@pytest.fixture
def seeds(tmp_path):
    return h.make_seeds(tmp_path / "seeds")


@pytest.fixture
def work(tmp_path, seeds):
    class_dir = h.make_class(tmp_path / "class")
    return load_class(class_dir, seeds=seeds, course=h.course(), roster=h.ROSTER)


def rows(df: pd.DataFrame) -> list[dict]:
    return df.to_dict("records")


# ---------------------------------------------------------------- progress and scores


def test_summary_says_done_partly_done_or_not_started_per_lesson(work):
    summary = work.summary()
    assert list(summary.columns) == [
        "student", "A", "B", "C", "done", "partly done", "not started", "quiz points",
    ]  # fmt: skip
    got = summary.drop(columns="quiz points").to_dict("records")
    assert got == [
        {"student": "ana", "A": "done", "B": "done", "C": "done",
         "done": 3, "partly done": 0, "not started": 0},
        {"student": "bo", "A": "partly done", "B": "done", "C": "not started",
         "done": 1, "partly done": 1, "not started": 1},
        {"student": "cy", "A": "partly done", "B": "not started", "C": "done",
         "done": 1, "partly done": 1, "not started": 1},
        {"student": "di", "A": "not started", "B": "not started", "C": "not started",
         "done": 0, "partly done": 0, "not started": 3},
        {"student": "ed", "A": "not started", "B": "done", "C": "not started",
         "done": 1, "partly done": 0, "not started": 2},
    ]  # fmt: skip


def test_a_lesson_without_steps_is_not_tracked(work):
    assert [le.id for le in work.course.tracked] == ["A", "B", "C"]
    assert "D" not in set(work.progress()["lesson"])


def test_lesson_progress_counts_students_per_status(work):
    assert rows(work.lesson_progress()) == [
        {"lesson": "A", "title": "Sources", "done": 1, "partly done": 2, "not started": 2},
        {"lesson": "B", "title": "Quiz", "done": 3, "partly done": 0, "not started": 2},
        {"lesson": "C", "title": "Reflect", "done": 2, "partly done": 0, "not started": 3},
    ]


def test_scores_take_the_best_try_and_count_first_tries(work):
    scores = work.scores().set_index("student")
    assert scores.loc["ana"].to_dict() == {
        "answered": 2, "right_first_try": 2, "right": 2, "points": 2.0, "max_points": 2.0,
        "score": 100.0, "quiz_points": "2 of 2 points (100%)",
    }  # fmt: skip
    assert scores.loc["bo", ["answered", "right_first_try", "right", "points"]].tolist() == [
        2, 0, 1, 1.0,
    ]  # fmt: skip
    assert scores.loc["bo", "score"] == 50.0
    assert scores.loc["ed", "score"] == 50.0
    assert math.isnan(scores.loc["cy", "score"]) and math.isnan(scores.loc["di", "score"])


def test_scores_say_what_they_are_out_of_per_student_and_per_quiz(work):
    assert work.summary().set_index("student")["quiz points"].to_dict() == {
        "ana": "2 of 2 points (100%)",
        "bo": "1 of 2 points (50%)",
        "cy": "no answers yet (2 points)",
        "di": "no answers yet (2 points)",
        "ed": "1 of 2 points (50%)",
    }
    quizzes = work.quiz_scores().set_index("student")
    columns = ["bank", "title", "answered", "questions", "quiz_points"]
    assert quizzes.loc["bo", columns].tolist() == [
        "mini", "Mini quiz", 2, 2, "1 of 2 points (50%)",
    ]  # fmt: skip
    html = work.overview().html
    assert "score %" not in html
    assert "<th" in html and ">Mini quiz</th>" in html and ">1 of 2 points (50%)</td>" in html


@pytest.mark.parametrize(
    ("points", "of", "answered", "text"),
    [
        (3, 12, True, "3 of 12 points (25%)"),
        (2.5, 4, True, "2.5 of 4 points (63%)"),
        (0, 1, True, "0 of 1 point (0%)"),
        (0, 38, False, "no answers yet (38 points)"),
        (0, 0, False, "no quiz questions"),
    ],
)
def test_points_in_words_say_what_they_are_out_of(points, of, answered, text):
    assert tidy.points_text(points, of, answered) == text


def test_score_distribution_counts_only_students_who_answered(work):
    assert work.score_distribution() == {
        "0-20%": 0, "20-40%": 0, "40-60%": 2, "60-80%": 0, "80-100%": 1,
    }  # fmt: skip


# ---------------------------------------------------------------- per-item views


def test_confusion_report_names_the_planted_misconception(work):
    confusion = work.confusion()
    first = confusion.iloc[0]
    assert first["question"] == "q1"
    assert first["most_chosen_wrong"] == h.TEMPTING
    assert (first["answered"], first["wrong_first_try"], first["chosen_by"]) == (3, 2, 2)
    assert first["wrong_pct"] == 66.7
    assert first["right_answer"] == "The reporter keeps a distance"
    second = confusion.iloc[1]
    assert (second["question"], second["most_chosen_wrong"], second["wrong_pct"]) == (
        "q2", "True", 33.3,
    )  # fmt: skip


def test_sources_most_missed_puts_the_anonymous_source_first(work):
    missed = work.sources_missed()
    assert missed[["source", "key_type", "students", "missed", "right_type",
                   "most_given_wrong"]].to_dict("records") == [
        {"source": "Ukrainian officials", "key_type": "anonymous", "students": 3, "missed": 1,
         "right_type": 1, "most_given_wrong": "institution"},
        {"source": "Mr Putin", "key_type": "named_person", "students": 3, "missed": 1,
         "right_type": 2, "most_given_wrong": ""},
        {"source": "Downing Street", "key_type": "institution", "students": 3, "missed": 0,
         "right_type": 3, "most_given_wrong": ""},
    ]  # fmt: skip


def test_claim_disagreement_puts_the_split_sentence_first(work):
    df = work.claim_disagreement()
    top = df.iloc[0]
    assert top["sentence"] == 3
    assert top["labels"] == "event 1, opinion 1, prediction 1"
    assert (top["answers"], top["share_pct"], top["key"], top["match_key"]) == (
        3, 33.3, "prediction", 1,
    )  # fmt: skip
    assert df["sentence"].tolist() == [3, 1, 2, 4]
    assert df.set_index("sentence").loc[1, "labels"] == "prediction 3"


# ---------------------------------------------------------------- tidy tables


def test_tidy_tables_have_one_row_per_highlight_tag_attempt_and_answer(work):
    assert len(work.highlights()) == (3 + 4) + (2 + 4) + (2 + 2)
    tags = work.tags()
    assert set(tags["kind"]) == {"source", "claim"}
    assert tags[(tags["student"] == "cy") & (tags["kind"] == "source")]["value"].tolist() == [
        "institution", "institution",
    ]  # fmt: skip
    quiz = work.quiz_answers()
    bo = quiz[quiz["student"] == "bo"]
    assert bo[["question", "attempt", "answer", "correct"]].to_dict("records") == [
        {"question": "q1", "attempt": 1, "answer": h.TEMPTING, "correct": False},
        {"question": "q1", "attempt": 2, "answer": "The reporter keeps a distance",
         "correct": True},
        {"question": "q2", "attempt": 1, "answer": "True", "correct": False},
    ]  # fmt: skip
    refl = work.reflections()
    assert refl[["student", "key", "lesson", "words"]].to_dict("records") == [
        {"student": "ana", "key": "c.reflection", "lesson": "C", "words": 9},
        {"student": "cy", "key": "c.reflection", "lesson": "C", "words": 5},
    ]


def test_a_table_changed_by_the_teacher_does_not_change_the_class(work):
    before = {name: df.copy(deep=True) for name, df in work.tables().items()}
    for df in work.tables().values():
        if len(df):
            df.loc[df.index[0], df.columns[0]] = "changed"  # the first column holds text
            df["extra"] = 1
            df.columns = [f"{c}!" for c in df.columns]
    for name, df in work.tables().items():
        pd.testing.assert_frame_equal(df, before[name], obj=name)


def test_subset_narrows_every_table_to_a_student_or_a_lesson(work):
    bo = work.subset(students="bo")
    assert bo.students == ("bo",)
    assert bo.summary()["student"].tolist() == ["bo"]
    assert bo.confusion()["wrong_pct"].tolist() == [100.0, 100.0]
    lesson = work.subset(lesson="B")
    assert lesson.summary().columns.tolist()[:2] == ["student", "B"]
    assert lesson.sources_missed().empty and lesson.claim_disagreement().empty
    assert not lesson.confusion().empty
    with pytest.raises(KitError, match="no lesson 'Z'"):
        work.subset(lesson="Z")


def test_every_table_exports_as_csv_with_formulas_neutralised(work, tmp_path):
    files = work.export_csv(tmp_path / "out")
    names = sorted(p.name for p in files)
    assert "summary.csv" in names and "confusion.csv" in names and len(names) == 12
    text = (tmp_path / "out" / "reflections.csv").read_text()
    assert "'=1+1 looks like a formula" in text
    assert "\n=1+1" not in text and ",=1+1" not in text


def test_views_show_the_label_names_people_read_and_the_csv_files_keep_the_ids(work, tmp_path):
    html = work.overview().html
    missed = html[html.index("Sources most missed") : html.index("most disagreement")]
    assert ">Unnamed source</td>" in missed and ">Named person</td>" in missed
    assert ">Institution</td>" in missed  # the wrong type most given, too
    assert "anonymous" not in missed and "named_person" not in missed
    disputed = html[html.index("most disagreement") : html.index("Agreement (")]
    assert ">Event 1, Opinion 1, Prediction 1</td>" in disputed and ">Prediction</td>" in disputed
    page = work.report_html(tmp_path / "report.html").read_text()
    assert ">Unnamed source</td>" in page and ">anonymous<" not in page
    work.export_csv(tmp_path / "out")
    csv = pd.read_csv(tmp_path / "out" / "sources_missed.csv")
    assert set(csv["key_type"]) == {"anonymous", "named_person", "institution"}
    assert "prediction 3" in set(pd.read_csv(tmp_path / "out" / "claim_disagreement.csv")["labels"])
    named = work.named(work.sources_missed())
    assert named["key_type"].tolist() == ["Unnamed source", "Named person", "Institution"]
    assert work.named(work.reflections())["key"].tolist() == ["c.reflection", "c.reflection"]


# ---------------------------------------------------------------- agreement


def _claims_matrix(students, n_sentences):
    """The reliability matrix built here, independently of the kit: NaN = not tagged."""
    names = ["prediction", "event", "opinion", "policy", "cause", "number", "not_a_claim"]
    out = np.full((len(students), n_sentences), np.nan)
    for i, spec in enumerate(students):
        for s, label in spec.items():
            out[i, s] = names.index(label)
    return out


def test_claim_alpha_between_students_equals_the_krippendorff_package(work):
    n = len(h.article().sentences)
    specs = [h.STUDENTS[s]["claims"] for s in ("ana", "bo", "cy")]
    expected = krippendorff.alpha(
        reliability_data=_claims_matrix(specs, n), level_of_measurement="nominal"
    )
    got = work.claim_agreement(h.ARTICLE_ID)
    assert got.students == ("ana", "bo", "cy") and got.units == n
    assert got.between == pytest.approx(expected, abs=1e-12)


def test_claim_alpha_of_each_student_vs_key_equals_the_package(work):
    n = len(h.article().sentences)
    got = work.claim_agreement(h.ARTICLE_ID)
    for student, value in zip(got.students, got.vs_key):
        m = _claims_matrix([h.KEY_CLAIMS, h.STUDENTS[student]["claims"]], n)
        assert value == pytest.approx(
            krippendorff.alpha(reliability_data=m, level_of_measurement="nominal"), abs=1e-12
        ), student
    assert got.vs_key[0] == 1.0  # ana tagged exactly as the key


def _token_matrix(sources_per_coder):
    text = h.article().text
    tokens = [m.span() for m in re.finditer(r"\w+(?:['’]\w+)*", text)]
    names = ["none", "named_person", "institution", "anonymous"]
    out = np.zeros((len(sources_per_coder), len(tokens)))
    for i, sources in enumerate(sources_per_coder):
        for phrase, label in sources:
            start = text.index(phrase)
            end = start + len(phrase)
            for j, (a, b) in enumerate(tokens):
                if a < end and start < b:
                    out[i, j] = names.index(label)
    return out, len(tokens)


def test_token_level_source_alpha_equals_the_package(work):
    specs = [h.STUDENTS[s]["sources"] for s in ("ana", "bo", "cy")]
    matrix, n_tokens = _token_matrix(specs)
    got = work.source_agreement(h.ARTICLE_ID)
    assert got.units == n_tokens
    assert got.between == pytest.approx(
        krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"), abs=1e-12
    )
    for student, value in zip(got.students, got.vs_key):
        m, _ = _token_matrix([h.KEY_SOURCES, h.STUDENTS[student]["sources"]])
        assert value == pytest.approx(
            krippendorff.alpha(reliability_data=m, level_of_measurement="nominal"), abs=1e-12
        ), student


def test_agreement_table_reads_the_numbers_in_plain_words(work):
    table = work.agreement().set_index("what")
    claims = table.loc["claim types"]
    assert claims["students"] == 3
    assert claims["between_students"] == reading(claims["alpha_between_students"])
    assert table.loc["source highlights", "vs_key"] == reading(
        table.loc["source highlights", "alpha_vs_key_median"], against_key=True
    )


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0.95, "reliable: students agree"),
        (0.8, "reliable: students agree"),
        (0.7, "tentative: students partly agree"),
        (0.667, "tentative: students partly agree"),
        (0.5, "students disagree a lot"),
        (float("nan"), "not enough answers to measure"),
    ],
)
def test_readings_follow_krippendorffs_thresholds(value, words):
    assert reading(value) == words


def test_one_student_cannot_agree_with_anyone(work):
    one = work.subset(students="ana").claim_agreement(h.ARTICLE_ID)
    assert math.isnan(one.between) and one.vs_key == (1.0,)


# ---------------------------------------------------------------- views


def test_heat_map_counts_students_per_word(work):
    html = work.heatmap(h.ARTICLE_ID).html
    assert 'title="3 of 3 students highlighted a source">Downing Street<' in html
    assert 'title="2 of 3 students highlighted a source">Ukrainian officials<' in html
    assert "Students who highlighted a source (of 3)" in html


def test_heat_map_escapes_the_article_text(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "evil.txt").write_text(
        "Headline <script>alert(1)</script>\nStandfirst\nOfficials said <img src=x onerror=1>.\n"
    )
    article = kit.load_article(seeds / "evil.txt")
    start = article.text.index("Officials")
    doc = h.work_document("zed", {})
    doc["article_id"] = article.id
    doc["text_sha"] = ""
    doc["annotations"] = [
        h.annotation(article.text, start, start + 9, ("source:anonymous",), "x").to_w3c()
    ]
    (tmp_path / "class" / "zed").mkdir(parents=True)
    (tmp_path / "class" / "zed" / "evil.json").write_text(__import__("json").dumps(doc))
    work = load_class(tmp_path / "class", seeds=seeds)
    html = work.heatmap("evil").html
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert work.overview().html.count("<script") == 0


def test_overview_and_report_show_every_section(work, tmp_path):
    html = work.overview().html
    for heading in ("Progress", "Quiz scores", "Questions most often wrong",
                    "Sources most missed", "most disagreement", "Agreement"):  # fmt: skip
        assert heading in html
    report = work.report_html(tmp_path / "r" / "report.html")
    page = report.read_text()
    assert page.startswith("<!doctype html>") and "@page{size:A4 landscape" in page
    assert "<script" not in page and h.TEMPTING in page


def test_the_report_escapes_the_course_title_file_names_and_what_students_typed(tmp_path, seeds):
    class_dir = h.make_class(tmp_path / "class")
    (class_dir / "<img src=x onerror=1>").mkdir()
    (class_dir / "<img src=x onerror=1>" / "broken.json").write_text("{not json")
    doc = h.work_document("zed", {})
    doc["quiz"] = {"free": {"f1": {"attempts": [{"response": "<script>alert(3)</script>"}]}}}
    doc["quiz"]["free"]["f1"]["attempts"][0]["correct"] = False
    (class_dir / "zed").mkdir()
    (class_dir / "zed" / f"{h.ARTICLE_ID}.json").write_text(__import__("json").dumps(doc))
    course = replace(h.course(), title='<script>alert(1)</script> & "co"')
    work = load_class(class_dir, seeds=seeds, course=course)
    page = work.report_html(tmp_path / "report.html").read_text()
    assert "<script" not in page and "<img" not in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;: class" in page
    assert "&lt;img src=x onerror=1&gt;/broken.json" in page
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page
    assert work.overview().html.count("<script") == 0


# ---------------------------------------------------------------- loading


def test_unreadable_work_files_are_reported_not_dropped(tmp_path, seeds):
    class_dir = h.make_class(tmp_path / "class")
    (class_dir / "bo" / "broken.json").write_text("{not json")
    work = load_class(class_dir, seeds=seeds, course=h.course())
    assert len(work.problems) == 1 and "broken.json" in work.problems[0]
    assert "Files that could not be used (1)" in work.overview().html


def test_a_missing_class_folder_says_how_to_make_one(tmp_path):
    with pytest.raises(KitError, match="python -m kit collect"):
        load_class(tmp_path / "nope")


@pytest.fixture
def course_folder(tmp_path, monkeypatch):
    """A course folder as `kit init` lays it out, the teacher in notebooks/teacher/."""
    for part in ("notebooks/teacher", "seeds"):
        (tmp_path / "course" / part).mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "course" / "notebooks" / "teacher")
    return tmp_path / "course"


def test_a_class_folder_is_found_from_the_teachers_notebooks_in_the_course_folder(course_folder):
    h.make_class(course_folder / "class")  # where `kit collect --out class` wrote it
    assert find_class_dir("class") == course_folder / "class"
    work = load_class("class", seeds=h.make_seeds(course_folder / "seeds"), course=h.course())
    assert work.root == course_folder / "class" and len(work.students) == 4
    h.make_class(course_folder / "notebooks" / "teacher" / "class")  # one here wins
    assert find_class_dir("class").resolve() == course_folder / "notebooks/teacher/class"


def test_a_missing_class_folder_names_every_folder_tried_and_the_fix(course_folder):
    with pytest.raises(KitError) as e:
        load_class("class")
    message = e.value.message
    assert f"looked in {course_folder}/notebooks/teacher/class and {course_folder}/class" in (
        message
    )
    assert "python -m kit collect FOLDERS_OR_ZIPS --out class" in message
    assert "full path" in message


def test_a_course_folder_is_one_with_a_course_file_or_notebooks_and_seeds(tmp_path):
    (tmp_path / "c" / "a" / "b").mkdir(parents=True)
    assert find_course_folder(tmp_path / "c" / "a" / "b") is None
    (tmp_path / "c" / "course.yaml").write_text("format: kit-course/1\n")
    assert find_course_folder(tmp_path / "c" / "a" / "b") == tmp_path / "c"


def test_the_kit_course_lists_tracked_lessons_with_their_articles_as_the_notebooks_load_them():
    assert load_course().article_ids == ()  # the default course file leaves them to the notebooks
    course = course_here(h.ROOT / "notebooks" / "teacher")
    assert course.lessons[0].id == "00" and not course.lessons[0].tracked
    assert "attribution_language" in course.quiz_banks
    assert "millbrook_wire" in course.article_ids


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "x"}, "not a course file"),
        ({"lessons": []}, "no 'lessons' list"),
        ({"lessons": [{"id": "1", "title": "t", "notebook": "../x.ipynb"}]}, "under notebooks"),
        ({"lessons": [{"id": "1", "title": "t", "notebook": "a.ipynb", "done": [{"x": 1}]}]},
         "step 1"),
    ],
)  # fmt: skip
def test_a_broken_course_file_says_what_is_wrong(change, message):
    data = {"format": "kit-course/1", "title": "t", "lessons": [
        {"id": "1", "title": "t", "notebook": "a.ipynb"}]} | change  # fmt: skip
    with pytest.raises(KitError, match=re.escape(message)):
        course_from_dict(data)


# ---------------------------------------------------------------- the demo class


def test_demo_class_is_the_same_for_the_same_seed(tmp_path):
    seeds = h.ROOT / "seeds"
    a = kit.demo_class(tmp_path / "a", students=12, seed=3, seeds=seeds)
    b = kit.demo_class(tmp_path / "b", students=12, seed=3, seeds=seeds)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*.json"))
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*.json"))
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)
    c = kit.demo_class(tmp_path / "a", students=5, seed=4, seeds=seeds)  # a demo is replaced
    assert len([p for p in c.iterdir() if p.is_dir()]) == 5


@pytest.mark.parametrize("seeds", [None, "empty"])
def test_a_demo_class_without_articles_says_where_to_find_them(tmp_path, seeds):
    if seeds:
        (tmp_path / seeds).mkdir()
        seeds = tmp_path / seeds
    with pytest.raises(KitError, match="needs articles") as e:
        kit.demo_class(tmp_path / "demo", students=3, seeds=seeds)
    assert "seeds=" in e.value.message
    assert not (tmp_path / "demo").exists()


def test_demo_class_never_empties_a_folder_that_is_not_a_demo(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "precious.txt").write_text("keep me")
    with pytest.raises(KitError, match="not a demo class"):
        kit.demo_class(tmp_path / "mine", seeds=h.ROOT / "seeds")
    assert (tmp_path / "mine" / "precious.txt").read_text() == "keep me"


def test_demo_class_plants_misconceptions_the_dashboard_finds(tmp_path):
    seeds = h.ROOT / "seeds"
    work = load_class(kit.demo_class(tmp_path / "d", 30, seed=0, seeds=seeds), seeds=seeds)
    confusion = work.confusion()
    top = confusion[confusion["bank"] == "attribution_language"].iloc[0]
    assert top["question"] == "claimed"
    assert top["most_chosen_wrong"].startswith("Nothing special")
    missed = work.sources_missed()
    on_seed = missed[missed["article_id"] == h.ARTICLE_ID]  # the planted mistake is on the seed
    assert on_seed.iloc[0]["source"] == "Ukrainian officials"
    assert on_seed.iloc[0]["most_given_wrong"] == "institution"
    assert work.claim_disagreement().iloc[0]["key"] == "opinion"


def test_a_key_file_beside_the_article_is_used_as_the_key(tmp_path):
    seeds = h.make_seeds(tmp_path / "seeds")
    (seeds / "keys" / f"{h.ARTICLE_ID}.json").unlink()
    (seeds / f"{h.ARTICLE_ID}.key.yaml").write_text(
        f"article: {h.ARTICLE_ID}\nitems:\n"
        + "".join(f"  - quote: {q}\n    label: {label}\n" for q, label in h.KEY_SOURCES)
    )
    work = load_class(h.make_class(tmp_path / "class"), seeds=seeds, course=h.course())
    assert work.problems == ()
    assert work.sources_missed()["source"].tolist() == [
        "Ukrainian officials", "Mr Putin", "Downing Street",
    ]  # fmt: skip


def test_a_broken_or_absurdly_nested_key_file_is_one_clear_problem(tmp_path):
    from kit.classroom.materials import load_materials

    for name, text in (
        (f"{h.ARTICLE_ID}.key.yaml", "items: [\n  - quote: x\n bad"),
        (f"keys/{h.ARTICLE_ID}.json", "[" * 100_000),
        ("keys/other.yaml", "items: [\n  - quote: x\n bad"),
    ):
        seeds = h.make_seeds(tmp_path / name.replace("/", "_"))
        (seeds / "keys" / f"{h.ARTICLE_ID}.json").unlink()
        (seeds / name).write_text(text, encoding="utf-8")
        materials = load_materials(seeds)
        assert len(materials.problems) == 1 and str(seeds / name) in materials.problems[0]
        assert h.ARTICLE_ID not in materials.keys


def test_two_keys_for_one_article_are_a_named_problem_not_a_silent_pick(tmp_path):
    seeds = h.make_seeds(tmp_path / "seeds")  # keys/<id>.json, made in the widgets
    beside = seeds / "mine.key.yaml"  # and a key file of another name that says it is for it
    beside.write_text(
        f"article: {h.ARTICLE_ID}\nitems:\n  - quote: Mr Putin\n    label: Named person\n"
    )
    work = load_class(h.make_class(tmp_path / "class"), seeds=seeds, course=h.course())
    assert h.ARTICLE_ID not in work.keys
    assert len(work.problems) == 1
    assert f"two answer keys are for article '{h.ARTICLE_ID}'" in work.problems[0]
    assert str(beside) in work.problems[0] and f"{h.ARTICLE_ID}.json" in work.problems[0]
    assert "keep the one you mean" in work.problems[0]
    assert "two answer keys" in work.overview().html
    beside.unlink()  # one key again: it is used, sources and claims alike
    work = load_class(h.make_class(tmp_path / "class2"), seeds=seeds, course=h.course())
    assert work.problems == ()
    assert len(work.keys[h.ARTICLE_ID]) == len(h.KEY_SOURCES) + len(h.KEY_CLAIMS)


def test_a_key_for_no_article_in_the_seeds_is_named(tmp_path):
    from kit.classroom.materials import load_materials

    seeds = h.make_seeds(tmp_path / "seeds")
    (seeds / "keys" / "lost.yaml").write_text("article: lost\nitems:\n  - quote: x\n")
    (seeds / "keys" / "nameless.yaml").write_text("items:\n  - quote: x\n")
    problems = load_materials(seeds).problems
    assert len(problems) == 2
    assert "lost.yaml: no article 'lost' in the seeds folder" in problems[0]
    assert "nameless.yaml: this key is for no article" in problems[1]
    assert "article: <id>" in problems[1]
