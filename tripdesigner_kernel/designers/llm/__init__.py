"""The model designer: an OpenAI-compatible endpoint driving the itinerary tools."""

from tripdesigner_kernel.designers.llm.designer import OpenAIDesigner

__all__ = ["OpenAIDesigner"]
