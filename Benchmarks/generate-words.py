#!/usr/bin/env python3
"""Writes N lines of accented French and German words (deterministic), for sort benchmarks.

Usage: generate-words.py N > words.txt
"""
import random
import sys

STEMS = [
    "économie", "Économie", "solidarité", "coopérative", "société", "développement", "entreprise",
    "association", "côte", "coté", "côté", "cote", "élève", "être", "garçon", "hôpital", "français",
    "Ökonomie", "Öko", "Ärger", "Aerger", "Straße", "Strasse", "Genossenschaft", "Übung", "übermäßig",
    "Gemeinnützigkeit", "Zusammenarbeit", "Größe", "Mädchen", "Führung", "Bürger", "Äpfel", "Apfel",
    "Sozialwirtschaft", "Solidarwirtschaft", "Œuvre", "œil", "naïve", "Noël", "ça", "déjà",
]
SUFFIXES = ["", "s", "n", "en", "es", "e", "er", "ung", "ée", "és", "-Netzwerk", " sociale", " solidaire", " lokal"]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = random.Random(20201203)
    out = sys.stdout
    for _ in range(count):
        words = [rng.choice(STEMS) + rng.choice(SUFFIXES) for _ in range(rng.randint(1, 3))]
        out.write(" ".join(words) + "\n")


if __name__ == "__main__":
    main()
