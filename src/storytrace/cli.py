"""The ``storytrace`` command: thin wrappers over the library.

Data goes to stdout, logs and progress to stderr. Exit status of ``analyze``:
0 every input was analysed, 3 some inputs were skipped (listed in the report),
1 the run failed, 2 the command line was wrong.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from storytrace.model import Analysis, Article

EXIT_SKIPPED = 3

app = typer.Typer(
    name="storytrace",
    help="Trace how a news story travelled: copies, origins, claims, conflicts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals hold article text: never dump them
)
stderr = Console(stderr=True)


@app.callback()
def _configure(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every step.")] = False,
    model_dir: Annotated[
        Path | None,
        typer.Option(
            "--model-dir",
            help="Your own ONNX sentence encoder (tokenizer.json + model.onnx) for aligning "
            "translations, instead of the bundled multilingual-e5-small.",
        ),
    ] = None,
) -> None:
    if model_dir is not None:
        from storytrace.reuse import set_model_dir

        try:
            set_model_dir(model_dir)
        except FileNotFoundError as error:
            raise typer.BadParameter(str(error), param_hint="--model-dir") from error
    level = logging.DEBUG if verbose else logging.WARNING
    handler = RichHandler(console=stderr, show_path=False, show_time=False)
    logging.basicConfig(level=level, handlers=[handler], format="%(message)s", force=True)


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories of articles.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for analysis.json and report.html.")
    ],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Also add the analysis to this store: a file or a postgresql:// URL."
        ),
    ] = None,
    ner: Annotated[
        str,
        typer.Option(
            "--ner",
            help="Installed spaCy pipeline for names (the 'models' extra), or 'none' for rules.",
        ),
    ] = "en_core_web_sm",
) -> None:
    """Analyse articles (text, HTML, JSONL, WARC) and write analysis.json and report.html."""
    import storytrace

    pipeline_name = None if ner.lower() == "none" else ner
    with _ProgressReporter(enabled=not quiet) as progress:
        if db is None:
            result = storytrace.analyze(paths, ner=pipeline_name, progress=progress)
        else:
            result = _analyze_into_store(db, paths, pipeline_name, progress)
    files = storytrace.write_report(result, out)
    _print_summary(result)
    typer.echo(f"report: {files.html}")
    typer.echo(f"json:   {files.json}")
    if result.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _analyze_into_store(
    db: str, paths: list[Path], ner: str | None, progress: _ProgressReporter
) -> Analysis:
    """Incremental run: match the new articles against the store, keep everything there, and
    return the stories this run changed (the report shows those)."""
    from storytrace.store import Store  # SQLAlchemy only when a store is asked for
    from storytrace.stream import analyze_into, run_analysis

    with Store.open(db) as store:
        run = analyze_into(store, paths, ner=ner, progress=progress)
        result = run_analysis(store, run)
    stderr.print(
        f"added to the store as run {run.run}: {len(run.articles)} articles, "
        f"{run.verified} pairs verified, {len(run.changed)} stories changed"
    )
    return result


@app.command()
def serve(
    db: Annotated[str, typer.Option("--db", help="The store: a file or a postgresql:// URL.")],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Browse a store in the web UI (stories, articles, alignments, entity search, upload)."""
    import uvicorn

    from storytrace.serve import create_app
    from storytrace.store import Store

    with Store.open(db) as store:
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@app.command()
def compare(
    first: Annotated[Path, typer.Argument(help="One article (a file holding one article).")],
    second: Annotated[Path, typer.Argument(help="The other article.")],
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write the alignment as an HTML page.")
    ] = None,
) -> None:
    """Align two articles side by side: kind of reuse, origin, passages and substitutions."""
    from storytrace.reuse import compare as compare_articles
    from storytrace.reuse import render_alignment_html, render_alignment_text

    a, b = _one_article(first, "FIRST"), _one_article(second, "SECOND")
    if a.id == b.id:
        b = replace(b, id=f"{b.id}~2")
    relation = compare_articles(a, b)
    left, right = (a, b) if relation.a == a.id else (b, a)
    typer.echo(render_alignment_text(relation, left, right))
    if html is not None:
        html.write_text(render_alignment_html(relation, left, right), encoding="utf-8")
        stderr.print(f"alignment page: {html}")


@app.command()
def spark(
    inputs: Annotated[
        list[str], typer.Option("--input", "-i", help="JSONL / Parquet / WARC paths or globs.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the Parquet tables.")],
    master: Annotated[
        str, typer.Option(help="Spark master: local[2], local[*], spark://host:7077, yarn.")
    ] = "local[2]",
) -> None:
    """Run the reuse and story stages as a Spark job; write articles/relations/stories Parquet."""
    from pyspark.sql import SparkSession

    from storytrace.spark import run_job, spark_session

    running = SparkSession.getActiveSession()  # a caller's session (tests, notebooks) stays up
    session = spark_session(master)
    try:
        result = run_job(session, inputs, output)
    finally:
        if running is None:
            session.stop()
    for table, rows in result.counts.items():
        typer.echo(f"{table}: {rows} rows in {output / table}")
    if result.counts.get("skipped"):
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def load(
    directory: Annotated[Path, typer.Argument(help="A 'storytrace spark' output folder.")],
    db: Annotated[str, typer.Option("--db", help="The store: a file or a postgresql:// URL.")],
) -> None:
    """Add a Spark job's Parquet tables to a store for 'storytrace serve' (reruns add no rows)."""
    from storytrace.errors import InputError
    from storytrace.spark.load import load_output

    try:
        run = load_output(directory, db)
    except InputError as error:
        raise typer.BadParameter(error.reason, param_hint="DIRECTORY") from error
    stderr.print(f"added to the store as run {run}")


def _one_article(path: Path, hint: str) -> Article:
    from storytrace.pipeline import read_articles

    articles, skipped = read_articles([path])
    if len(articles) == 1:
        return articles[0]
    if not articles:
        reason = skipped[0].reason if skipped else "no article found"
        raise typer.BadParameter(f"{path}: {reason}", param_hint=hint)
    raise typer.BadParameter(
        f"{path} holds {len(articles)} articles; give one file per article", param_hint=hint
    )


evaluate_app = typer.Typer(help="Score storytrace on the benchmark sets in ../shared/eval.")
app.add_typer(evaluate_app, name="evaluate")

SharedOption = Annotated[
    Path, typer.Option("--shared", help="The shared folder holding corpus/ and eval/.")
]
SplitOption = Annotated[
    str, typer.Option("--split", help="dev (for tuning and the quality gate) or test (reports).")
]


@evaluate_app.command("cleaning")
def evaluate_cleaning(
    shared: SharedOption = Path("../shared"),
    split: SplitOption = "dev",
) -> None:
    """Junk-line removal against hand-labelled lines: junk recall and content loss, as JSON."""
    from storytrace.evaluate import evaluate_cleaning as score_cleaning

    _check_evaluation_arguments(shared, split)
    score = score_cleaning(shared, split=split)
    summary = {key: value for key, value in score.to_dict().items() if key != "errors"}
    typer.echo(json.dumps({"split": split, **summary}, indent=1))


@evaluate_app.command("reuse")
def evaluate_reuse(
    shared: SharedOption = Path("../shared"),
    split: SplitOption = "dev",
) -> None:
    """Reuse kinds and pairs: Clough-Stevenson macro-F1, PAN-10 accuracy, story-chains F1."""
    from dataclasses import asdict

    from storytrace.evaluate.reuse import evaluate_reuse as score_reuse

    _check_evaluation_arguments(shared, split)
    typer.echo(json.dumps(asdict(score_reuse(shared, _split(split))), indent=1))


@evaluate_app.command("claims")
def evaluate_claims(
    shared: SharedOption = Path("../shared"),
    split: SplitOption = "dev",
    ner: Annotated[
        str, typer.Option("--ner", help="spaCy pipeline, or 'none'.")
    ] = "en_core_web_sm",
) -> None:
    """Counts, quotes and casualties: NewsQuant value F1, PolNeAR speaker F1, GVA match share."""
    from storytrace.evaluate.claims import evaluate_claims as score_claims

    _check_evaluation_arguments(shared, split)
    pipeline_name = None if ner.lower() == "none" else ner
    typer.echo(json.dumps(score_claims(shared, split=split, ner=pipeline_name).to_dict(), indent=1))


@evaluate_app.command("stories")
def evaluate_stories(
    shared: SharedOption = Path("../shared"),
    split: SplitOption = "dev",
    sample: Annotated[
        int, typer.Option("--sample", min=1, help="Keep every n-th GVA incident (1 keeps all).")
    ] = 1,
) -> None:
    """Stories and facts: GVA incident clustering, story-chains pairs, consolidated casualties."""
    from storytrace.evaluate.stories import evaluate_stories as score_stories

    _check_evaluation_arguments(shared, split)
    score = score_stories(shared, split=_split(split), sample=sample)
    typer.echo(json.dumps(score.to_dict(), indent=1))


def _split(split: str) -> Literal["dev", "test"]:
    return "dev" if split == "dev" else "test"


def _check_evaluation_arguments(shared: Path, split: str) -> None:
    if split not in ("dev", "test"):
        raise typer.BadParameter("split must be dev or test", param_hint="--split")
    if not shared.is_dir():
        raise typer.BadParameter(f"{shared} is not a folder", param_hint="--shared")


def _print_summary(result: Analysis) -> None:
    stderr.print(
        f"[bold]{len(result.articles)}[/] articles analysed, [bold]{len(result.skipped)}[/] skipped"
    )
    for skip in result.skipped:
        stderr.print(
            f"  [yellow]skipped[/] {skip.source}: {skip.reason}", markup=True, highlight=False
        )


class _ProgressReporter:
    """A progress callback that shows a rich bar only once a run lasts longer than a moment."""

    _DELAY_SECONDS = 0.5

    def __init__(self, *, enabled: bool) -> None:
        self._enabled = enabled and stderr.is_terminal
        self._started = time.monotonic()
        self._progress: Progress | None = None
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> _ProgressReporter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if not self._enabled or time.monotonic() - self._started < self._DELAY_SECONDS:
            return
        progress = self._progress or self._start()
        if stage not in self._tasks:
            self._tasks[stage] = progress.add_task(stage, total=total)
        progress.update(self._tasks[stage], completed=done, total=total)

    def _start(self) -> Progress:
        self._progress = Progress(
            TextColumn("{task.description:>8}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=stderr,
            transient=True,
        )
        self._progress.start()
        return self._progress


def main() -> None:
    """Entry point of the ``storytrace`` console script."""
    app()


if __name__ == "__main__":
    main()
