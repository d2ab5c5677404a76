"""A short, real demo of the offline coach on sample input (what `make run` shows before the app)."""

from __future__ import annotations

from assistant.coach import shared_offline_coach
from assistant.config import Settings

SAMPLES = [
    "Sign the lease renewal by Friday or I'm keeping your deposit.",
    "I need an answer by Thursday because the caterer needs numbers.",
    "What matters most to you about the holidays this year?",
]


def run_demo(settings: Settings) -> int:
    """Print the coach's answers for a few sample inputs."""
    print("Loading the offline coach (first run builds the card index)...")
    coach = shared_offline_coach(settings)
    print("\n== Drift check ==")
    for text in SAMPLES:
        v = coach.check_message(text)
        print(f"- {text}\n  {v.level} ({v.score:.2f}) {v.reason}")
        if v.reframe:
            print(f"  Try instead: {v.reframe}")
    demands = (
        "You never help with the kids' homework. You're always on your phone. "
        "Above all, I need you to be home for dinner on weeknights. And the garage is a mess."
    )
    r = coach.shrink(demands)
    print(f"\n== Shrink ==\n{demands}\n  One ask: {r.ask}\n  Interest: {r.interest}\n  Parked: {r.parked}")
    situation = "My cofounder walked out of our meeting about equity and says we're done."
    print(f"\n== Strategies for: {situation}")
    for rec in coach.recommend(situation, k=3):
        print(f"  {rec.slug} ({rec.score:.2f}): {rec.why}")
    print("\n== Offers ==")
    for o in coach.suggest_offers(
        "We keep arguing about the family visit.", "a visit we both enjoy", "I need you to be friendly to everyone"
    ):
        print(f"  [{o.slug}] {o.text}")
    return 0
