"""`veille geoparse`: every toponym of every article, resolved, one JSON line each."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from veille.cli.common import ConfigOption, parse_date, pipeline_config, print_failure

if TYPE_CHECKING:
    from veille.config import PipelineConfig
    from veille.geo import Toponym
    from veille.lang.loader import LangRoots
    from veille.registry import PlaceFinding


def geoparse(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, URLs, or - for stdin.")],
    pub_date: Annotated[
        str | None, typer.Option("--pub-date", help="Publication date YYYY-MM-DD.")
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="fr, ar or en; detected when omitted.")
    ] = None,
    ner: Annotated[
        bool,
        typer.Option(
            "--ner/--no-ner",
            help="Use spaCy's entities and parts of speech (languages with a parser: fr, "
            "en), as the pipeline does.",
        ),
    ] = True,
    outlets: Annotated[
        bool,
        typer.Option(
            "--outlets/--no-outlets",
            help="Weigh homonyms toward the area an outlet's other input articles name.",
        ),
    ] = True,
    config: ConfigOption = None,
) -> None:
    """Print one JSON line per toponym: span, resolved place and geo_precision.

    The toponyms are those of the place component events get their places from;
    "in_name" marks one inside an organisation's or a person's name ("Radio X"), a
    toponym that no event is placed at.

    Articles that name their outlet (JSONL "outlet", a feed's title, a page's site name)
    are resolved a second time with the profile of that outlet's other articles in the
    input, so a local paper's "Dublin" is its own town; the input is then held in memory
    until the end. --config: the pipeline config whose gazetteer, geocoder weights,
    place-finder component and spaCy models are used, as `veille extract --config` uses
    them. Exit status: 0 when every input was read, 1 when some failed, 2 for usage
    errors (an invalid config).
    """
    from veille.config import PipelineConfig
    from veille.geo import OutletProfile
    from veille.geo.places import PlaceEvidence
    from veille.ingest import read_inputs
    from veille.lang import detect_language
    from veille.model import Article, ArticleFailure

    published = parse_date(pub_date, "--pub-date") if pub_date else None
    settings = pipeline_config(config) or PipelineConfig()
    roots = settings.lang.lang_roots()
    finder = _place_finder(settings)
    pipelines: dict[str, Any] = {}
    failures = 0
    # From the first article with an outlet on, articles wait for the second pass.
    held: list[tuple[Article, str, PlaceEvidence, list[Toponym]]] = []
    profiles: dict[str, OutletProfile] = {}
    for item in read_inputs(paths, pub_date=published, language=lang):
        if isinstance(item, ArticleFailure):
            failures += 1
            print_failure(item)
            continue
        language = item.language or detect_language(item.text) or "en"
        evidence = PlaceEvidence()
        if ner and _parsed(language, roots):
            if language not in pipelines:
                from veille.nlp import load_spacy

                package = settings.nlp.packages().get(language)
                pipelines[language] = load_spacy(language, package=package, root=roots)
            evidence = PlaceEvidence.from_docs([(0, pipelines[language](item.text))])
        toponyms = finder.find(item.text, language, evidence)
        if outlets and item.outlet:
            profiles.setdefault(item.outlet, OutletProfile()).add(toponyms)
        if outlets and (item.outlet or held):  # input order is kept
            held.append((item, language, evidence, toponyms))
        else:
            _print_toponyms(item.id, toponyms)
    for item, language, evidence, toponyms in held:
        profile = profiles.get(item.outlet or "")
        if profile is not None and profile.documents > 1:
            toponyms = finder.find(item.text, language, evidence, outlet=profile.without(toponyms))
        _print_toponyms(item.id, toponyms)
    if failures:
        raise typer.Exit(1)


def _place_finder(config: PipelineConfig) -> PlaceFinding:
    """The place component ``config`` names, over the geocoder it describes (gazetteer
    and weights), as ``Pipeline(config=config)`` builds them."""
    from veille.errors import VeilleError
    from veille.geo import Geocoder
    from veille.registry import components_of

    try:
        geocoder = Geocoder.load(config.geocoder.gazetteer, weights_path=config.geocoder.weights)
    except VeilleError as exc:  # a weights or gazetteer file the config names is bad
        from veille.cli.common import fail_usage

        fail_usage(exc.render())
    if config.lang.roots:  # the place words of the config's language folders too
        from veille.geo._lexicon import geo_words

        geocoder = geocoder.with_words(geo_words(config.lang.lang_roots()))
    return components_of(config).place_finder(geocoder)


def _parsed(language: str, roots: LangRoots) -> bool:
    """Whether ``language`` has a parser whose entities and tags the place component
    may trust (``parsed`` in its ``language.json``: fr, en; not the blank Arabic one)."""
    from veille.lang.loader import event_languages, language_info

    return language in event_languages(roots) and language_info(language, roots).has_parse


def _print_toponyms(article_id: str, toponyms: list[Toponym]) -> None:
    for toponym in toponyms:
        place = toponym.place
        record = {
            "article_id": article_id,
            "start": toponym.start,
            "end": toponym.end,
            "text": toponym.text,
            "name": place.name if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "admin1": place.admin1 if place else None,
            "country": place.country if place else None,
            "iso3": place.iso3 if place else None,
            "geo_precision": toponym.geo_precision,
            "gazetteer_id": place.gazetteer_id if place else None,
            "in_name": toponym.in_name,
        }
        typer.echo(json.dumps(record, ensure_ascii=False))


def register(app: typer.Typer) -> None:
    """Add `veille geoparse` to the CLI."""
    app.command("geoparse")(geoparse)
