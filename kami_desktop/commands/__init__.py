"""Command groups of the ``kami`` CLI; each module exposes ``register(subparsers, common)``."""
