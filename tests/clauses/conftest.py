from __future__ import annotations

import pytest
from clause_pages import POLICY_PATH

from taiyaku.rules.privacy.policy import Clause, Policy, load_policy


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy(POLICY_PATH)


@pytest.fixture(scope="session")
def clauses(policy: Policy) -> dict[str, Clause]:
    return {clause.id: clause for clause in policy.clauses}
