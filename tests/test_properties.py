"""Round-trip properties over generated records: lossless and byte-stable in JSON and TOML."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawsummary import dumps, loads
from lawsummary.records import Dataset, Offence, Sanction
from lawsummary.serialization import Format, structure, unstructure
from tests import strategies as S

formats = st.sampled_from(["json", "toml"])
SLOW = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(S.offences(), formats)
def test_offence_round_trip(offence: Offence, fmt: Format) -> None:
    text = dumps(offence, fmt)
    assert loads(text, fmt) == offence
    assert dumps(loads(text, fmt), fmt) == text


@SLOW
@given(S.sanctions(), formats)
def test_sanction_round_trip(sanction: Sanction, fmt: Format) -> None:
    text = dumps(sanction, fmt)
    again = loads(text, fmt)
    assert again == sanction
    assert dumps(again, fmt) == text


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(S.datasets(), formats)
def test_dataset_round_trip(dataset: Dataset, fmt: Format) -> None:
    text = dumps(dataset, fmt)
    again = loads(text, fmt)
    assert again == dataset
    assert dumps(again, fmt) == text


@SLOW
@given(S.offences())
def test_decimals_keep_their_exact_digits(offence: Offence) -> None:
    """Equal-valued decimals like 5 and 5.00 must come back with the same digits."""
    again = structure(unstructure(offence), Offence)
    if not isinstance(offence.sanction, Sanction):  # "unknown": no numbers to keep
        assert again.sanction is offence.sanction
        return
    assert isinstance(again.sanction, Sanction)
    for original, copy in zip(
        offence.sanction.alternatives, again.sanction.alternatives, strict=True
    ):
        assert repr(original.penalty) == repr(copy.penalty)


@SLOW
@given(S.offences())
def test_no_float_in_plain_data(offence: Offence) -> None:
    def floats(value: object) -> bool:
        if isinstance(value, float):
            return True
        if isinstance(value, dict):
            return any(floats(v) for v in value.values())
        if isinstance(value, list):
            return any(floats(v) for v in value)
        return False

    assert not floats(unstructure(offence))
