"""The routing table: which agent takes a message. Pure, so the workflow can call it directly."""

from __future__ import annotations

from izer.domain import AgentSpec, Analysis
from workflows.contracts import AgentRoute


def choose_agent(analysis: Analysis, agents: list[AgentSpec], *, hub: str) -> AgentRoute:
    """The first agent taking the message's category and priority; the hub when none does.

    The default table: technical → code debugger; sales, support, complaint → business workflow;
    inquiry, general → general purpose. Agents added by configuration come first, so they win.
    """
    for agent in agents:
        if analysis.category in agent.categories and analysis.priority_level in agent.priorities:
            return AgentRoute(
                agent=agent.name,
                url=agent.url,
                reason=f"{analysis.category}/{analysis.priority_level} → {agent.name}",
            )
    return hub_route(agents, hub=hub, reason=f"no agent takes {analysis.category}")


def hub_route(agents: list[AgentSpec], *, hub: str, reason: str) -> AgentRoute:
    for agent in agents:
        if agent.name == hub:
            return AgentRoute(agent=agent.name, url=agent.url, reason=reason)
    raise ValueError(f"the hub agent {hub!r} is not configured")
