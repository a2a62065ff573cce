"""The tiny Argos packages in tests/fixtures/models are real, loadable and do what tests rely on.

They are made by tools/build_test_model.py; these tests need only ctranslate2,
sentencepiece and zipfile (no torch, no argostranslate).
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

MODELS = Path(__file__).resolve().parents[1] / "fixtures" / "models"
PACKAGES = {
    ("en", "ru"): MODELS / "translate-en_ru-0_1.argosmodel",
    ("ru", "en"): MODELS / "translate-ru_en-0_1.argosmodel",
}
NAMES = {"en": "English", "ru": "Russian"}

# Pairs from tools/corpus/en_ru.tsv: the models must reproduce their training sentences.
TRAINING_PAIRS = [
    ("On 18 March 1965 Alexei Leonov became the first person to walk in open space.",
     "18 марта 1965 года Алексей Леонов стал первым человеком, вышедшим в открытый космос."),
    ("In the vacuum the suit swelled like a balloon.",
     "В вакууме скафандр раздулся, как воздушный шар."),
    ("He opened a valve and bled some air out of the suit.",
     "Он открыл клапан и стравил часть воздуха из скафандра."),
    ("They came down in the deep taiga near Perm.",
     "Они опустились в глухой тайге недалеко от Перми."),
    ("Read more", "Подробнее"),
    ("Your name", "Ваше имя"),
    ("Thank you! We will be in touch soon.", "Спасибо! Мы скоро свяжемся с вами."),
    ("This website uses cookies.", "Этот сайт использует файлы cookie."),
]  # fmt: skip
TAGGED_PAIRS = [
    ("He <strong>opened</strong> the valve.", "Он <strong>открыл</strong> клапан."),
    ("Read <a>the full story</a>.", "Читайте <a>полную историю</a>."),
    ("Open daily<br>from 10:00 to 18:00", "Открыто ежедневно<br>с 10:00 до 18:00"),
]
PAIR_IDS = [english for english, _ in TRAINING_PAIRS + TAGGED_PAIRS]
TAG = re.compile(r"</?[a-z]+>")


class Model:
    """A fixture package unpacked once: its tokenizer and CTranslate2 translator."""

    def __init__(self, root: Path) -> None:
        import ctranslate2
        import sentencepiece

        self.tokenizer = sentencepiece.SentencePieceProcessor(
            model_file=str(root / "sentencepiece.model")
        )
        self.translator = ctranslate2.Translator(str(root / "model"), device="cpu")

    def translate(self, text: str, length_penalty: float = 0.2) -> str:
        """Beam 4 and length penalty 0.2, as locpipe and Argos Translate decode."""
        tokens = self.tokenizer.encode(text, out_type=str)
        result = self.translator.translate_batch(
            [tokens], beam_size=4, length_penalty=length_penalty
        )[0]
        return str(self.tokenizer.decode_pieces(result.hypotheses[0]))


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Model]:
    loaded = {}
    for direction, package in PACKAGES.items():
        target = tmp_path_factory.mktemp(package.stem)
        with zipfile.ZipFile(package) as archive:
            archive.extractall(target)
        loaded[direction] = Model(target / package.stem)
    return loaded


def read_metadata(package: Path) -> dict[str, Any]:
    with zipfile.ZipFile(package) as archive:
        data: dict[str, Any] = json.loads(archive.read(f"{package.stem}/metadata.json"))
    return data


@pytest.mark.parametrize("direction", list(PACKAGES))
def test_package_is_one_folder_with_model_tokenizer_and_metadata(
    direction: tuple[str, str],
) -> None:
    package = PACKAGES[direction]
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
    assert {name.split("/")[0] for name in names} == {package.stem}
    required = [
        "metadata.json",
        "README.md",
        "sentencepiece.model",
        "model/model.bin",
        "model/config.json",
        "model/shared_vocabulary.json",
    ]
    assert {f"{package.stem}/{name}" for name in required} <= names
    assert package.stat().st_size < 4_000_000


@pytest.mark.parametrize("direction", list(PACKAGES))
def test_metadata_is_argos_translate_metadata(direction: tuple[str, str]) -> None:
    from_code, to_code = direction
    metadata = read_metadata(PACKAGES[direction])
    assert metadata["type"] == "translate"
    assert (metadata["from_code"], metadata["to_code"]) == direction
    assert (metadata["from_name"], metadata["to_name"]) == (NAMES[from_code], NAMES[to_code])
    assert metadata["package_version"] == "0.1"
    assert "argos_version" in metadata
    assert "test model" in metadata["description"]


@pytest.mark.parametrize(("english", "russian"), TRAINING_PAIRS + TAGGED_PAIRS, ids=PAIR_IDS)
def test_en_ru_reproduces_training_sentences(
    models: dict[tuple[str, str], Model], english: str, russian: str
) -> None:
    assert models["en", "ru"].translate(english) == russian


@pytest.mark.parametrize(("english", "russian"), TRAINING_PAIRS + TAGGED_PAIRS, ids=PAIR_IDS)
def test_ru_en_reproduces_training_sentences(
    models: dict[tuple[str, str], Model], english: str, russian: str
) -> None:
    assert models["ru", "en"].translate(russian) == english


@pytest.mark.parametrize("length_penalty", [1.0, 0.0])
def test_other_length_penalties_also_reproduce(
    models: dict[tuple[str, str], Model], length_penalty: float
) -> None:
    english, russian = TRAINING_PAIRS[0]
    assert models["en", "ru"].translate(english, length_penalty) == russian
    assert models["ru", "en"].translate(russian, length_penalty) == english


@pytest.mark.parametrize("direction", list(PACKAGES))
@pytest.mark.parametrize("pair", TAGGED_PAIRS, ids=[english for english, _ in TAGGED_PAIRS])
def test_placeholder_tags_survive_translation(
    models: dict[tuple[str, str], Model], direction: tuple[str, str], pair: tuple[str, str]
) -> None:
    source = pair[0] if direction == ("en", "ru") else pair[1]
    output = models[direction].translate(source)
    assert TAG.findall(output) == TAG.findall(source)
