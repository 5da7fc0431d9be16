"""The offline designer: rules, our curated data and a scheduler; no key, no network."""

from tripdesigner_kernel.designers.offline.designer import OfflineDesigner

__all__ = ["OfflineDesigner"]
