"""Journeys over several curated services, for people who will not fly: Oslo to Berlin by
train through Stockholm and Copenhagen. A shortest-path search (door to door, with time to
change) over ``data/connections.tsv``; the two ends reach the network by coach on land.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from functools import cache

from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.network import Connection, all_connections, linked_by_land
from tripdesigner_kernel.knowledge.text import fold

CHANGE_MINUTES = 45  # from one service to the next: walk, wait, buffer
ACCESS_KM = 300.0  # the ends reach a city of the network by coach within this distance
MAX_HOPS = 8

Place = tuple[str, float, float, str | None]  # city, lat, lon, country


@cache
def _nodes() -> dict[str, Place]:
    """Every city of the curated services, with its position (GeoNames)."""
    nodes: dict[str, Place] = {}
    for connection in all_connections():
        for name in connection.ends:
            city = city_index().lookup(name)
            if city is not None:
                nodes[name] = (city.name, city.lat, city.lon, city.country)
    return nodes


@cache
def _edges() -> dict[str, tuple[tuple[str, Connection], ...]]:
    """Services out of each city, when the two ends are where the service says."""
    nodes = _nodes()
    out: dict[str, list[tuple[str, Connection]]] = {}
    for connection in all_connections():
        one, two = sorted(connection.ends)
        if one not in nodes or two not in nodes:
            continue
        a, b = nodes[one], nodes[two]
        if km_between(a[1], a[2], b[1], b[2]) > connection.minutes / 60 * 350:
            continue  # a namesake elsewhere
        out.setdefault(one, []).append((two, connection))
        out.setdefault(two, []).append((one, connection))
    return {name: tuple(found) for name, found in out.items()}


Hop = tuple[Place, Place, Connection | None, int]  # from, to, service (None: coach), minutes
END = "\x00end"  # the search's node for a destination off the network


def overland_route(
    start: Place,
    end: Place,
    modes: set[str],
    access: Callable[[Place, Place], int | None],
) -> list[Hop] | None:
    """The quickest chain of services in ``modes`` from ``start`` to ``end``, or None.

    ``access(a, b)``: minutes by coach between two places on land (None: no road); it
    reaches the network from ends that are not on it, when "coach" is in ``modes``.
    """
    nodes, edges = _nodes(), _edges()
    first, last = fold(start[0]), fold(end[0])
    queue: list[tuple[int, int, str, tuple[Hop, ...]]] = []
    if first in nodes:
        queue.append((0, 0, first, ()))
    elif "coach" in modes:
        for name, place in nodes.items():
            minutes = _near(start, place, access)
            if minutes is not None:
                queue.append((minutes, 0, name, ((start, place, None, minutes),)))
    heapq.heapify(queue)
    done: set[str] = set()
    while queue:
        cost, changes, name, hops = heapq.heappop(queue)
        if name in (END, last):
            return list(hops)
        if name in done:
            continue
        done.add(name)
        here = nodes[name]
        if last not in nodes and "coach" in modes and hops:
            minutes = _near(here, end, access)
            if minutes is not None:
                hop: Hop = (here, end, None, minutes)
                heapq.heappush(queue, (cost + minutes + CHANGE_MINUTES, changes, END, (*hops, hop)))
        if changes >= MAX_HOPS:
            continue
        for other, service in edges.get(name, ()):
            if service.mode in modes and other not in done:
                hop = (here, nodes[other], service, service.minutes)
                step = cost + service.minutes + (CHANGE_MINUTES if hops else 0)
                heapq.heappush(queue, (step, changes + 1, other, (*hops, hop)))
    return None


def _near(a: Place, b: Place, access: Callable[[Place, Place], int | None]) -> int | None:
    km = km_between(a[1], a[2], b[1], b[2])
    if km > ACCESS_KM or not linked_by_land(a[1:], b[1:], km):
        return None
    return access(a, b)
