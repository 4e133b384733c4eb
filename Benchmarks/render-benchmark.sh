#!/usr/bin/env bash
# passerelle render vs pandoc: the bundled charter (fr/de/en, 55 units) and a generated
# 200-item newsletter (fr/de), in every format, beside pandoc converting the equivalent
# Markdown (passerelle's own stacked Markdown output of the same document) to HTML.
#
#   make bench            (builds the release binary first)
#   ITEMS=1000 bash Benchmarks/render-benchmark.sh
#
# Prints the best of 5 wall-clock runs of each whole command (start-up, termbase and
# theme loading included) and the ratio to pandoc in the same run (below 1 means
# passerelle is faster). Needs pandoc (Debian package).
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${ITEMS:-200}
RUNS=${RUNS:-5}
WORK=Benchmarks/work/render
BIN=.build/release/passerelle
mkdir -p "$WORK"
command -v pandoc >/dev/null || { echo "pandoc is missing: apt-get install pandoc" >&2; exit 1; }
[ -x "$BIN" ] || swift build -c release --static-swift-stdlib

# A newsletter of $ITEMS news items, each with a heading, two paragraphs (terms, a date,
# a number, a link, emphasis) and a list, in French and German.
NEWS="$WORK/newsletter-$ITEMS.xml"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<document xmlns="urn:passerelle:content:1" kind="newsletter" id="bench" languages="fr de">'
  echo '  <meta><title><text xml:lang="fr">Lettre de test</text><text xml:lang="de">Testbrief</text></title><date>2021-01-15</date><issue>9</issue></meta>'
  echo '  <section id="s"><heading><text xml:lang="fr">Actualités</text><text xml:lang="de">Aktuelles</text></heading>'
  for i in $(seq 1 "$ITEMS"); do
    cat <<ITEM
    <news id="n$i">
      <heading><text xml:lang="fr">Nouvelle n° $i : l'achat responsable</text><text xml:lang="de">Meldung Nr. $i: nachhaltige Beschaffung</text></heading>
      <p id="n$i-a"><text xml:lang="fr">Le <term ref="cluster">cluster</term> a réuni <num value="$((i * 7))"/> entreprises de l'<term ref="social-solidarity-economy">économie sociale et solidaire</term> le <date value="2019-06-20"/> pour une <term ref="business-convention">convention d'affaires</term> : "un succès" !</text><text xml:lang="de">Der <term ref="cluster">Cluster</term> brachte am <date value="2019-06-20"/> <num value="$((i * 7))"/> Unternehmen der <term ref="social-solidarity-economy">Sozial- und Solidarwirtschaft</term> zu einer <term ref="business-convention">Kooperationsbörse</term> zusammen: "ein Erfolg"!</text></p>
      <p id="n$i-b"><text xml:lang="fr">Les acheteurs ont découvert des offres <em>de l'autre côté</em> de la frontière ; <a href="https://example.org/n$i">en savoir plus</a>.</text><text xml:lang="de">Die Einkäufer entdeckten Angebote <em>von der anderen Seite</em> der Grenze; <a href="https://example.org/n$i">mehr erfahren</a>.</text></p>
      <list id="n$i-l"><item id="n$i-l1"><text xml:lang="fr">circuits courts ;</text><text xml:lang="de">kurze Versorgungsketten;</text></item><item id="n$i-l2"><text xml:lang="fr">clauses sociales.</text><text xml:lang="de">Sozialklauseln.</text></item></list>
    </news>
ITEM
  done
  echo '  </section>'
  echo '</document>'
} > "$NEWS"

best_ms() {  # best wall-clock time of "$@" over $RUNS runs, in milliseconds
  local best="" start end ms
  for _ in $(seq 1 "$RUNS"); do
    start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

printf "%-26s %-22s %8s %10s\n" "document" "command" "best ms" "vs pandoc"
for doc in content/charter.xml "$NEWS"; do
  name=$(basename "$doc" .xml)
  "$BIN" render "$doc" --layout stacked --format md -o "$WORK/$name.md"
  pandoc_ms=$(best_ms pandoc -f markdown -t html5 -s --metadata title=bench "$WORK/$name.md" -o "$WORK/$name.pandoc.html")
  printf "%-26s %-22s %8d %10s\n" "$name" "pandoc md -> html" "$pandoc_ms" "1.00"
  for format in html md txt; do
    ms=$(best_ms "$BIN" render "$doc" --format "$format" -o "$WORK/$name.$format")
    printf "%-26s %-22s %8d %10s\n" "$name" "passerelle $format" "$ms" "$(awk -v a="$ms" -v b="$pandoc_ms" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
  done
  wc -c < "$WORK/$name.html" | awk -v n="$name" '{ printf "%-26s html output %d bytes\n", n, $1 }'
done
