"""A compact set of 64-bit fingerprints, for remembering paragraphs in bounded memory.

A Python ``set`` of hashes costs about 60 bytes an entry; this open-addressing table
stores each fingerprint in 8 bytes of one ``bytearray`` (about 11 bytes an entry at its
fullest), so a gigabyte of text, some four million paragraphs, fits in about 64 MB.
Fingerprints are Python's own 64-bit string hash (SipHash, keyed afresh in each
process, and kept by the string once computed): a set lives in one process, and two
different paragraphs among ten million collide with a probability below one in 300,000.
"""

from __future__ import annotations

_EMPTY = 0  # a slot holding 0 is free; a real fingerprint of 0 is stored as 1


def fingerprint64(key: str) -> int:
    """The 64-bit fingerprint of a key (never 0).

    >>> fingerprint64("قال") == fingerprint64("قال") != fingerprint64("قالت")
    True
    """
    return (hash(key) & 0xFFFF_FFFF_FFFF_FFFF) or 1


class FingerprintSet:
    """A set of 64-bit fingerprints in one growing byte array.

    >>> seen = FingerprintSet()
    >>> seen.add("paragraph"), seen.add("paragraph"), "paragraph" in seen, len(seen)
    (True, False, True, 1)
    """

    def __init__(self, capacity: int = 1 << 16) -> None:
        self._slots = 1 << max(4, (capacity - 1).bit_length())
        self._table = bytearray(8 * self._slots)
        self._view = memoryview(self._table).cast("Q")
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def __reduce__(self) -> str | tuple[object, ...]:
        # String hashes are keyed afresh in each process: in another, none would match.
        raise TypeError("a FingerprintSet lives in one process and cannot be pickled")

    def _find(self, value: int) -> int:
        """The slot holding ``value``, or the free slot where it would go."""
        mask = self._slots - 1
        slot = value & mask
        view = self._view
        while True:
            held = view[slot]
            if held in (value, _EMPTY):
                return slot
            slot = (slot + 1) & mask  # linear probing: fingerprints are already uniform

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        value = fingerprint64(key)
        return self._view[self._find(value)] == value

    def add(self, key: str) -> bool:
        """Remember ``key``; True when it was new."""
        value = fingerprint64(key)
        slot = self._find(value)
        if self._view[slot] == value:
            return False
        self._view[slot] = value
        self._count += 1
        if self._count * 10 > self._slots * 7:  # keep probes short: at most 70% full
            self._grow()
        return True

    def first_known(self, keys: tuple[str, ...]) -> int:
        """The index of the first of ``keys`` remembered already; when none is, -1,
        and every one of them is remembered. One call instead of a test and an add
        for each key (a stream asks this of every paragraph, so fingerprint64 and
        _find are written out).

        >>> seen = FingerprintSet()
        >>> seen.first_known(("a", "b")), seen.first_known(("c", "b")), "c" in seen
        (-1, 1, False)
        """
        mask, view = self._slots - 1, self._view
        free = []  # (slot, fingerprint) of each key, where it would go
        for index, key in enumerate(keys):
            value = (hash(key) & 0xFFFF_FFFF_FFFF_FFFF) or 1  # fingerprint64, written out
            slot = value & mask
            while held := view[slot]:  # 0 is a free slot
                if held == value:
                    return index
                slot = (slot + 1) & mask
            free.append((slot, value))
        for slot, value in free:
            if view[slot]:  # taken by an earlier key of these: the one or a neighbour
                slot = self._find(value)
                if view[slot] == value:
                    continue
            view[slot] = value
            self._count += 1
        if self._count * 10 > self._slots * 7:  # keep probes short: at most 70% full
            self._grow()
        return -1

    def _grow(self) -> None:
        old = self._view
        self._slots *= 2
        self._table = bytearray(8 * self._slots)
        view = self._view = memoryview(self._table).cast("Q")
        mask = self._slots - 1
        # _find written out, over the taken slots only: a stream grows its set some
        # ten times, and the moves were a third of the time spent adding.
        for value in filter(None, old):  # 0 is a free slot
            slot = value & mask
            while view[slot]:
                slot = (slot + 1) & mask
            view[slot] = value
        old.release()
