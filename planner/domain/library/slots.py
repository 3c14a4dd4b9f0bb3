"""Movement slots: the named places in a session that a program template fills, in order.

A program says *what kind of work* a session holds (a warm-up, McGill's curl-up,
side-plank and bird-dog, a bridge or hip hinge, a loaded pattern, a walk,
stretches to finish); each exercise says which slots its chain can fill. The
builder then picks chains for a slot by purpose (the slot, the areas the
template wants worked, the person's level), never by file name.
"""

from __future__ import annotations

from enum import StrEnum


class Slot(StrEnum):
    WARM_UP = "warm-up"
    CURL_UP = "curl-up"
    SIDE_PLANK = "side-plank"
    BIRD_DOG = "bird-dog"
    FRONT_CORE = "front-core"
    BRIDGE_HINGE = "bridge-hinge"
    LOADED = "loaded"
    EXTENSION = "extension"
    POSTURE = "posture"
    WALK = "walk"
    STRETCH = "stretch"
    GENTLE_MOVEMENT = "gentle-movement"
    REST_POSITION = "rest-position"
    HEAT_COLD = "heat-cold"
    BREATHING = "breathing"
    WATER = "water"


SLOT_PURPOSE: dict[Slot, str] = {
    Slot.WARM_UP: "easy mobility to open a session (cat-cow, knee rocks, pelvic tilts)",
    Slot.CURL_UP: "McGill's curl-up: front trunk endurance without bending the lower back",
    Slot.SIDE_PLANK: "McGill's side plank: side trunk endurance",
    Slot.BIRD_DOG: "McGill's bird-dog: back-extensor endurance with a steady spine",
    Slot.FRONT_CORE: "other front-trunk work (bracing, dead bugs, planks)",
    Slot.BRIDGE_HINGE: "hip extension: a bridge or a hip hinge",
    Slot.LOADED: "an everyday loaded pattern: sit-to-stand, squat, carry, Pallof press",
    Slot.EXTENSION: "gentle back extension (prone on elbows, press-ups)",
    Slot.POSTURE: "posture resets for long sitting",
    Slot.WALK: "a walk at an easy pace",
    Slot.STRETCH: "stretches to finish a session",
    Slot.GENTLE_MOVEMENT: "small, easy movements for a sore back",
    Slot.REST_POSITION: "a supported rest position",
    Slot.HEAT_COLD: "a heat pack (or a cold pack in the first day or two)",
    Slot.BREATHING: "slow breathing to calm guarded muscles",
    Slot.WATER: "a drink of water and a stand-up break",
}
