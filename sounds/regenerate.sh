#!/usr/bin/env bash
# Regenerate the hotline's recorded prompts from the catalogues.
#
#   sounds/regenerate.sh            all languages (every sounds/catalogue/*.txt)
#   sounds/regenerate.sh zh ko      only these languages
#
# For every key in sounds/catalogue/<lang>.txt ("key<TAB>text"), speak the text with
# espeak-ng and convert it with sox to what Asterisk plays natively:
#   WAV, 8000 Hz, mono, 16-bit signed PCM, peak-normalised to -3 dBFS,
#   leading silence trimmed, trailing silence cut to 80 ms.
# Key "greeting" -> sounds/<lang>/hotline/greeting.wav; a key containing "/" is relative
# to sounds/<lang>/ ("digits/0" -> sounds/<lang>/digits/0.wav).
# WAV files under sounds/<lang>/ whose key is no longer in the catalogue are removed.
# A file is only rewritten when its content changes, so a re-run on an unchanged
# catalogue leaves the working tree clean (the output is deterministic).
#
# Catalogue directives (comment lines, ignored by everything else):
#   # @voice: <espeak-ng voice>           required
#   # @speed: <words per minute>          required
#   # @say: <written> => <pronounced>     optional, any number; spelling hints for espeak
# See docs/prompts.md.
set -euo pipefail

SOUNDS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CATALOGUE_DIR=$SOUNDS_DIR/catalogue

# Languages for which Asterisk's core sounds already contain digits/0..9: their catalogues
# must NOT define digits/ keys. Every other language must define digits/0..digits/9.
ASTERISK_DIGIT_LANGS=" en es fr it ja ru sv "

# Audio settings (see docs/prompts.md).
PEAK_DBFS=-3          # peak normalisation target
TRAIL_PAD=0.08        # seconds of silence kept after the last sound (<= 0.1 s)
SILENCE_THRESHOLD=-50d  # what counts as silence when trimming (relative to full scale)

die() { echo "regenerate.sh: error: $*" >&2; exit 1; }

for tool in espeak-ng sox; do
    command -v "$tool" >/dev/null 2>&1 \
        || die "'$tool' is not installed. Install both tools with: apt-get install espeak-ng sox"
done

[[ -d $CATALOGUE_DIR ]] || die "no catalogue directory: $CATALOGUE_DIR"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/hotline-prompts.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# ---------------------------------------------------------------------------------------
# Catalogue parsing. Fills: KEYS (ordered), TEXT[key], VOICE, SPEED, SAY_FROM[], SAY_TO[].
# ---------------------------------------------------------------------------------------
declare -a KEYS SAY_FROM SAY_TO
declare -A TEXT
VOICE="" SPEED=""

parse_catalogue() {
    local file=$1 line n=0 key text directive value
    KEYS=() SAY_FROM=() SAY_TO=() VOICE="" SPEED=""
    TEXT=()
    [[ -f $file ]] || die "no catalogue: $file"
    while IFS= read -r line || [[ -n $line ]]; do
        n=$((n + 1))
        line=${line%$'\r'}
        if [[ $line =~ ^#[[:space:]]*@([a-z]+):[[:space:]]*(.*[^[:space:]])[[:space:]]*$ ]]; then
            directive=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
            case $directive in
                voice) VOICE=$value ;;
                speed) [[ $value =~ ^[0-9]+$ ]] || die "$file:$n: @speed must be a number"
                       SPEED=$value ;;
                say)   [[ $value == *' => '* ]] || die "$file:$n: @say needs 'written => pronounced'"
                       SAY_FROM+=("${value%% => *}") SAY_TO+=("${value#* => }") ;;
                *)     die "$file:$n: unknown directive @$directive" ;;
            esac
            continue
        fi
        [[ -z ${line//[[:space:]]/} || $line == '#'* ]] && continue
        [[ $line == *$'\t'* ]] || die "$file:$n: expected key<TAB>text, found no TAB"
        key=${line%%$'\t'*}
        text=${line#*$'\t'}
        text=${text#"${text%%[![:space:]]*}"}   # trim leading whitespace
        text=${text%"${text##*[![:space:]]}"}   # trim trailing whitespace
        [[ $key =~ ^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*$ ]] \
            || die "$file:$n: bad key '$key' (use a-z 0-9 - _ and / between parts)"
        [[ $key != hotline/* ]] || die "$file:$n: key '$key' would clash with the hotline/ folder"
        [[ -n $text ]] || die "$file:$n: key '$key' has no text"
        [[ -z ${TEXT[$key]+set} ]] || die "$file:$n: duplicate key '$key'"
        KEYS+=("$key")
        TEXT[$key]=$text
    done < "$file"
    [[ -n $VOICE ]] || die "$file: missing '# @voice: <espeak-ng voice>' line"
    [[ -n $SPEED ]] || die "$file: missing '# @speed: <wpm>' line"
    ((${#KEYS[@]} > 0)) || die "$file: no prompts"
}

key_to_file() {  # key lang -> path of the wav
    if [[ $1 == */* ]]; then echo "$SOUNDS_DIR/$2/$1.wav"
    else echo "$SOUNDS_DIR/$2/hotline/$1.wav"; fi
}

# ---------------------------------------------------------------------------------------
# Consistency across catalogues: same keys everywhere except the digits/ keys.
# ---------------------------------------------------------------------------------------
mapfile -t ALL_LANGS < <(cd "$CATALOGUE_DIR" && ls -1 -- *.txt 2>/dev/null | sed 's/\.txt$//' | LC_ALL=C sort)
((${#ALL_LANGS[@]} > 0)) || die "no catalogues in $CATALOGUE_DIR"

ref_lang="" ref_keys=""
for lang in "${ALL_LANGS[@]}"; do
    parse_catalogue "$CATALOGUE_DIR/$lang.txt"
    keys=$(printf '%s\n' "${KEYS[@]}" | grep -v '^digits/' | LC_ALL=C sort)
    digits=$(printf '%s\n' "${KEYS[@]}" | grep '^digits/' | LC_ALL=C sort || true)
    if [[ -z $ref_lang ]]; then
        ref_lang=$lang ref_keys=$keys
    elif [[ $keys != "$ref_keys" ]]; then
        echo "Keys differ between $ref_lang.txt and $lang.txt ('<' only in $ref_lang, '>' only in $lang):" >&2
        diff <(echo "$ref_keys") <(echo "$keys") | grep '^[<>]' >&2 || true
        die "every catalogue must have the same keys (digits/ keys excepted)"
    fi
    if [[ $ASTERISK_DIGIT_LANGS == *" $lang "* ]]; then
        [[ -z $digits ]] || die "$lang.txt: Asterisk ships $lang digits; remove the digits/ keys"
    else
        [[ $digits == "$(printf 'digits/%s\n' 0 1 2 3 4 5 6 7 8 9)" ]] \
            || die "$lang.txt: Asterisk has no $lang digits; define exactly digits/0 .. digits/9"
    fi
done

# ---------------------------------------------------------------------------------------
# Generation.
# ---------------------------------------------------------------------------------------
if (($# > 0)); then LANGS=("$@"); else LANGS=("${ALL_LANGS[@]}"); fi

for lang in "${LANGS[@]}"; do
    [[ -f $CATALOGUE_DIR/$lang.txt ]] || die "no catalogue for language '$lang' ($CATALOGUE_DIR/$lang.txt)"
done

total=0
for lang in "${LANGS[@]}"; do
    parse_catalogue "$CATALOGUE_DIR/$lang.txt"
    espeak-ng -v "$VOICE" -q "test" >/dev/null 2>&1 \
        || die "$lang: espeak-ng has no voice '$VOICE' (see: espeak-ng --voices)"

    declare -A wanted=()
    written=0 unchanged=0 removed=0
    for key in "${KEYS[@]}"; do
        out=$(key_to_file "$key" "$lang")
        wanted[$out]=1
        spoken=${TEXT[$key]}
        for i in "${!SAY_FROM[@]}"; do
            spoken=${spoken//"${SAY_FROM[$i]}"/"${SAY_TO[$i]}"}
        done

        printf '%s\n' "$spoken" \
            | espeak-ng -v "$VOICE" -s "$SPEED" --stdin -w "$TMP/raw.wav" \
            || die "$lang/$key: espeak-ng failed"
        # -R: repeatable; -D: no dither (keeps silence digital zero and output deterministic).
        # silence/reverse/silence/reverse trims silence at both ends; "gain -6" gives the
        # resampler headroom (espeak-ng peaks near full scale); rate is sox's high-quality
        # resampler; gain -n normalises the peak; pad adds the short tail.
        sox -R -D "$TMP/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer -t wav "$TMP/out.wav" \
            silence 1 0.005 "$SILENCE_THRESHOLD" reverse silence 1 0.005 "$SILENCE_THRESHOLD" reverse \
            gain -6 rate -h 8000 gain -n "$PEAK_DBFS" pad 0 "$TRAIL_PAD" \
            || die "$lang/$key: sox failed"
        [[ -s $TMP/out.wav ]] || die "$lang/$key: sox produced an empty file"

        if [[ -f $out ]] && cmp -s "$TMP/out.wav" "$out"; then
            unchanged=$((unchanged + 1))
        else
            mkdir -p "$(dirname "$out")"
            mv "$TMP/out.wav" "$out"
            written=$((written + 1))
        fi
    done

    # Remove files whose key has gone from the catalogue.
    if [[ -d $SOUNDS_DIR/$lang ]]; then
        while IFS= read -r -d '' f; do
            if [[ -z ${wanted[$f]+set} ]]; then
                rm -f -- "$f"
                echo "  $lang: removed ${f#"$SOUNDS_DIR"/} (key no longer in catalogue)"
                removed=$((removed + 1))
            fi
        done < <(find "$SOUNDS_DIR/$lang" -type f -name '*.wav' -print0)
        find "$SOUNDS_DIR/$lang" -mindepth 1 -type d -empty -delete
    fi
    unset wanted

    printf '%-4s %3d prompts (voice %s, %s wpm): %d written, %d unchanged, %d removed\n' \
        "$lang:" "${#KEYS[@]}" "$VOICE" "$SPEED" "$written" "$unchanged" "$removed"
    total=$((total + ${#KEYS[@]}))
done
echo "total: $total prompt files for ${#LANGS[@]} language(s) under $SOUNDS_DIR"
