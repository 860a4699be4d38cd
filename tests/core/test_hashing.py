import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from kami_desktop.core.util.hashing import PureSM3, digests_of_chunks, new_sm3

# GB/T 32905-2016 appendix A examples
SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
SM3_ABCD16 = "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"


def test_sm3_standard_vectors():
    assert new_sm3(b"abc").hexdigest() == SM3_ABC
    assert new_sm3(b"abcd" * 16).hexdigest() == SM3_ABCD16
    assert PureSM3(b"abc").hexdigest() == SM3_ABC
    assert PureSM3(b"abcd" * 16).hexdigest() == SM3_ABCD16


@settings(max_examples=60, deadline=None)
@given(st.lists(st.binary(max_size=300), max_size=5))
def test_pure_sm3_matches_openssl_for_any_chunking(chunks):
    pure = PureSM3()
    for c in chunks:
        pure.update(c)
    assert pure.hexdigest() == hashlib.new("sm3", b"".join(chunks)).hexdigest()


def test_one_pass_gives_both_digests():
    data = [b"x" * 1000, b"y" * 77]
    sha, sm3, size = digests_of_chunks(data)
    assert sha == hashlib.sha256(b"".join(data)).hexdigest()
    assert sm3 == new_sm3(b"".join(data)).hexdigest()
    assert size == 1077
