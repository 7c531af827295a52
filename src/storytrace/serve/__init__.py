"""The web UI (``storytrace serve``): FastAPI over a store. Needs the ``server`` extra."""

from storytrace.serve.app import create_app

__all__ = ["create_app"]
