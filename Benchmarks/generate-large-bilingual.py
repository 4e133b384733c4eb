#!/usr/bin/env python3
"""Writes a large fr -> de bilingual file (XLIFF 2.1, XLIFF 1.2 or TMX) whose units name the
concepts of a termbase: most translations use the preferred German term, some leave it out
and some use a deprecated one, so that `passerelle check` has findings to report.

    passerelle terms list --lang fr --format json > fr.json
    passerelle terms list --lang de --format json > de.json
    python3 generate-large-bilingual.py fr.json de.json OUT.xlf [--megabytes 1024] [--format xliff2|xliff12|tmx]
"""
import argparse, json, random
from xml.sax.saxutils import escape

parser = argparse.ArgumentParser()
parser.add_argument("french"); parser.add_argument("german"); parser.add_argument("output")
parser.add_argument("--megabytes", type=int, default=1024)
parser.add_argument("--format", choices=["xliff2", "xliff12", "tmx"], default="xliff2")
arguments = parser.parse_args()

french = {}
for term in json.load(open(arguments.french)):
    if term["status"] == "preferred" and " " not in term["term"]:
        french.setdefault(term["concept"], term["term"])
german, deprecated = {}, {}
for term in json.load(open(arguments.german)):
    if term["status"] == "preferred":
        german.setdefault(term["concept"], term["term"])
    elif term["status"] == "deprecated":
        deprecated.setdefault(term["concept"], term["term"])
concepts = sorted(set(french) & set(german))
filler_fr = "le projet de coopération régionale permet aux partenaires de développer des actions communes pour le territoire".split()
filler_de = "das Projekt der regionalen Zusammenarbeit ermöglicht den Partnern gemeinsame Maßnahmen für die Region".split()

random.seed(7)
head = {
    "xliff2": '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="de">\n<file id="f1">\n',
    "xliff12": '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="fr" target-language="de" datatype="plaintext" original="large"><body>\n',
    "tmx": '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="generator" creationtoolversion="1" o-tmf="none"/><body>\n',
}[arguments.format]
tail = {"xliff2": "</file>\n</xliff>\n", "xliff12": "</body></file>\n</xliff>\n", "tmx": "</body></tmx>\n"}[arguments.format]
limit = arguments.megabytes << 20
written, index = len(head), 0
with open(arguments.output, "w", encoding="utf-8") as out:
    out.write(head)
    chunk = []
    while written < limit:
        concept = random.choice(concepts)
        source = random.sample(filler_fr, 9); source.insert(4, french[concept])
        target = random.sample(filler_de, 8)
        roll = random.random()
        if roll < 0.06 and concept in deprecated: target.insert(4, deprecated[concept])
        elif roll > 0.04: target.insert(4, german[concept])
        s, t = escape(" ".join(source).capitalize() + "."), escape(" ".join(target) + ".")
        if arguments.format == "xliff2":
            unit = f'<unit id="u{index}"><segment state="translated"><source>{s}</source><target>{t}</target></segment></unit>\n'
        elif arguments.format == "xliff12":
            unit = f'<trans-unit id="u{index}"><source>{s}</source><target>{t}</target></trans-unit>\n'
        else:
            unit = f'<tu tuid="u{index}"><tuv xml:lang="fr"><seg>{s}</seg></tuv><tuv xml:lang="de"><seg>{t}</seg></tuv></tu>\n'
        chunk.append(unit); written += len(unit.encode()); index += 1
        if len(chunk) == 10000: out.write("".join(chunk)); chunk = []
    out.write("".join(chunk)); out.write(tail)
print(f"{arguments.output}: {index} units, {written >> 20} MB")
