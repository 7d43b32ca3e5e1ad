#!/usr/bin/env bash
# Generates the line-quality evaluation set: labelled 8 kHz mono 16-bit WAV clips of what a
# hotline caller's line can sound like. Nothing is downloaded: voices are espeak-ng, noise
# is sox's synth, and the phone line is a 300-3400 Hz band-pass plus a mu-law round trip.
#
#   src/test/eval/make-clips.sh [OUT_DIR]     default: src/test/resources/eval
#
# Output: OUT_DIR/<label>/<group>-<i>.wav, label in speech | quiet | noise | silence,
# i = 0..9 in every group. Clips whose name ends in 7, 8 or 9 are the held-out split:
# never listened to or looked at while tuning the classifier (docs/line-quality.md).
# Deterministic: sox -R seeds its noise generator with a fixed number, so a re-run gives
# the same files byte for byte; each clip takes its noise from a different offset of a
# long noise recording, so no two clips share a noise sample sequence.
#
# Labelling rules (levels are RMS dBFS of the component as the IVR receives it, after
# the phone band-pass when there is one; speech is measured with its leading and
# trailing silence cut, i.e. roughly the active speech level):
#   speech  one talker at -20..-27 dBFS, over nothing but faint hiss (<= -60) or over
#           noise at least 15 dB below the voice (SNR 15..24 dB): easy to understand
#   quiet   one talker at -31..-40 dBFS (hands-free, far from the phone), faint hiss
#   noise   steady white / pink / brown noise at -12..-35 dBFS, babble (6-8 voices
#           mixed, no talker dominant) at -16..-32 dBFS, or a talker under noise at
#           SNR -6..+2 dB: the caller cannot be understood
#   silence nothing, or line hiss at -50..-75 dBFS and no voice
# Between the classes there is deliberately a gap (-27..-31 dBFS voice, SNR 2..15 dB,
# noise -35..-50 dBFS): what to call those is a matter of taste, not of measurement.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-$HERE/../resources/eval}
RATE=8000
CLIP_S=3.5

die() { echo "make-clips.sh: error: $*" >&2; exit 1; }
for tool in sox espeak-ng awk; do command -v "$tool" >/dev/null || die "'$tool' is not installed (apt-get install sox espeak-ng)"; done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/hotline-eval.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# ------------------------------------------------------------------ what callers say
LANGS=(en-us es cmn-latn-pinyin ko yue-Latn-jyutping)
declare -A SPEED=([en-us]=165 [es]=160 [cmn-latn-pinyin]=175 [ko]=155 [yue-Latn-jyutping]=170)
declare -A SAYS
SAYS[en-us,0]="Hello, my washing machine stopped working yesterday. Can you send someone to fix it?"
SAYS[en-us,1]="Hi, I bought a fridge from you last month and it is making a loud noise at night."
SAYS[en-us,2]="Yes, hello? I am calling about my order. It has not arrived and nobody called me."
SAYS[es,0]="Hola, mi lavadora no funciona desde ayer. ¿Pueden enviar a un técnico, por favor?"
SAYS[es,1]="Buenas tardes, compré un frigorífico el mes pasado y hace mucho ruido por la noche."
SAYS[es,2]="Sí, ¿hola? Llamo por mi pedido, todavía no ha llegado y nadie me ha llamado."
SAYS[cmn-latn-pinyin,0]="你好，我家的冰箱坏了，一点都不制冷了，能不能派人来修一下？"
SAYS[cmn-latn-pinyin,1]="喂，你好，我上个月买的洗衣机，现在一开机就漏水，怎么办呢？"
SAYS[cmn-latn-pinyin,2]="我想问一下我的订单，已经一个星期了还没有送到，也没有人联系我。"
SAYS[ko,0]="안녕하세요, 세탁기가 어제부터 고장 났어요. 수리 기사님을 보내 주실 수 있나요?"
SAYS[ko,1]="여보세요, 지난달에 산 냉장고가 밤마다 너무 시끄러운 소리가 나요."
SAYS[ko,2]="주문한 물건이 아직 안 왔어요. 아무도 연락을 안 주셨고요."
SAYS[yue-Latn-jyutping,0]="你好，我屋企部雪櫃壞咗，完全唔凍，可唔可以派人嚟整一整？"
SAYS[yue-Latn-jyutping,1]="喂，你好，我上個月買嘅洗衣機，而家一開就漏水，點算好？"
SAYS[yue-Latn-jyutping,2]="我想問下我張訂單，已經一個禮拜都仲未送到，又冇人打俾我。"
VARIANTS=("" +f2 +m3 +f4 +m7)   # espeak-ng voice variants: several voices per language

# ------------------------------------------------------------------ helpers
rms_db() { sox "$1" -n stats 2>&1 | awk '/^RMS lev dB/ { print $4 }'; }

# to_level IN OUT DBFS: scale IN so its RMS is DBFS (IN and OUT must differ)
to_level() {
    local rms gain
    rms=$(rms_db "$1")
    gain=$(awk -v t="$3" -v r="$rms" 'BEGIN { printf "%.2f", t - r }')
    sox -R -D "$1" "$2" gain "$gain"
}

# speak LANG VARIANT SENTENCE OUT: one talker, 8 kHz, leading/trailing silence cut
speak() {
    local lang=$1 variant=$2 n=$3 out=$4
    espeak-ng -v "$lang$variant" -s "${SPEED[$lang]}" -w "$TMP/espeak.wav" "${SAYS[$lang,$n]}"
    sox -R -D "$TMP/espeak.wav" -r $RATE -c 1 -b 16 "$out" gain -3 rate \
        silence 1 0.02 -45d reverse silence 1 0.02 -45d reverse
}

# A long recording of each noise type; clips take slices at different offsets.
for kind in whitenoise pinknoise brownnoise; do
    sox -R -D -n -r $RATE -c 1 -b 16 "$TMP/$kind.wav" synth 120 "$kind"
done
# noise KIND SEED OUT: a CLIP_S slice of KIND (white|pink|brown|babble)
noise() {
    local kind=$1 seed=$2 out=$3 offset
    offset=$(awk -v s="$seed" 'BEGIN { printf "%.3f", (s * 7.31) % 110 }')
    if [[ $kind == babble ]]; then
        babble "$seed" "$out"
    else
        sox -R -D "$TMP/${kind}noise.wav" "$out" trim "$offset" "$CLIP_S"
    fi
}

# babble SEED OUT: 6-8 talkers in different languages and voices, each starting at a
# different point of its sentences, mixed at equal level: a canteen, a call centre floor.
babble() {
    local seed=$1 out=$2 talkers k lang args=()
    talkers=$((6 + seed % 3))
    for ((k = 0; k < talkers; k++)); do
        lang=${LANGS[$(((seed + k) % 5))]}
        speak "$lang" "${VARIANTS[$(((seed + 2 * k) % 5))]}" $(((seed + k) % 3)) "$TMP/b1.wav"
        speak "$lang" "${VARIANTS[$(((seed + 2 * k + 1) % 5))]}" $(((seed + k + 1) % 3)) "$TMP/b2.wav"
        sox -R -D "$TMP/b1.wav" "$TMP/b2.wav" "$TMP/b1.wav" "$TMP/b-long.wav"
        sox -R -D "$TMP/b-long.wav" "$TMP/b-cut.wav" trim "0.$(((seed * 3 + k * 37) % 90))" "$CLIP_S"
        to_level "$TMP/b-cut.wav" "$TMP/talker-$k.wav" -30
        args+=(-v 1 "$TMP/talker-$k.wav")
    done
    sox -R -D -m "${args[@]}" "$out"
}

# phone IN OUT: the telephone band (300-3400 Hz)
phone() { sox -R -D "$1" "$2" sinc 300-3400; }

# mulaw IN OUT: G.711 mu-law and back, what a PSTN line does to every sample
mulaw() {
    sox -R -D "$1" -e mu-law -b 8 "$TMP/ulaw.wav"
    sox -R -D "$TMP/ulaw.wav" -e signed-integer -b 16 "$2"
}

# voice I SEED PHONED DBFS OUT: a caller's sentence at DBFS (measured on the sentence,
# band-limited first when PHONED is 1), after a short pause (0.2..1.1 s), padded or cut
# to CLIP_S. Prints the espeak-ng voice used.
voice() {
    local i=$1 seed=$2 phoned=$3 level=$4 out=$5 lang variant lead
    lang=${LANGS[$(((i + seed) % 5))]}
    variant=${VARIANTS[$(((i * 3 + seed) % 5))]}
    lead=$(awk -v i="$i" -v s="$seed" 'BEGIN { printf "%.2f", 0.2 + ((i * 3 + s) % 10) / 10 }')
    speak "$lang" "$variant" $(((i + seed) % 3)) "$TMP/said.wav"
    if ((phoned)); then phone "$TMP/said.wav" "$TMP/said-f.wav"; mv "$TMP/said-f.wav" "$TMP/said.wav"; fi
    to_level "$TMP/said.wav" "$TMP/said-l.wav" "$level"
    sox -R -D "$TMP/said-l.wav" "$out" pad "$lead" "$CLIP_S" trim 0 "$CLIP_S"
    echo "$lang$variant"
}

# sound KIND SEED PHONED DBFS OUT: noise of KIND at DBFS (band-limited first when PHONED)
sound() {
    local kind=$1 seed=$2 phoned=$3 level=$4 out=$5
    noise "$kind" "$seed" "$TMP/s.wav"
    if ((phoned)); then phone "$TMP/s.wav" "$TMP/s-f.wav"; mv "$TMP/s-f.wav" "$TMP/s.wav"; fi
    to_level "$TMP/s.wav" "$out" "$level"
}

# line OUT PHONED COMPONENT...: mix the components as they are, then the mu-law round
# trip when PHONED is 1; written as CLIP_S of 8 kHz mono 16-bit signed WAV.
line() {
    local out=$1 phoned=$2 args=() c
    shift 2
    for c in "$@"; do args+=(-v 1 "$c"); done
    if (($# == 1)); then cp "$1" "$TMP/mixed.wav"; else sox -R -D -m "${args[@]}" "$TMP/mixed.wav"; fi
    if ((phoned)); then mulaw "$TMP/mixed.wav" "$TMP/mixed-u.wav"; mv "$TMP/mixed-u.wav" "$TMP/mixed.wav"; fi
    mkdir -p "$(dirname "$out")"
    sox -R -D "$TMP/mixed.wav" -r $RATE -c 1 -b 16 -e signed-integer "$out" pad 0 "$CLIP_S" trim 0 "$CLIP_S"
}

# deterministic "random" numbers: between I MIN MAX spreads i = 0..9 over MIN..MAX
between() { awk -v i="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.1f", a + (b - a) * i / 9 }'; }

rm -rf "$OUT"
mkdir -p "$OUT"
INDEX=$OUT/README.txt
{
    echo "Line-quality evaluation clips, generated by src/test/eval/make-clips.sh (do not edit by hand)."
    echo "Names ending in 7, 8 or 9 are the held-out split. One line per clip: file, then how it was made."
} >"$INDEX"
note() { printf '%s\t%s\n' "$1" "$2" >>"$INDEX"; }
NOISES=(white pink brown babble)
HISS_KINDS=(white pink)

for i in 0 1 2 3 4 5 6 7 8 9; do
    odd=$((i % 2))
    even=$((1 - odd))

    # speech: a talker at normal level over faint hiss
    lv=$(between "$i" -20 -27); hs=$(between "$i" -62 -70)
    v=$(voice "$i" 0 0 "$lv" "$TMP/v.wav"); sound "${HISS_KINDS[$odd]}" $((i + 10)) 0 "$hs" "$TMP/h.wav"
    line "$OUT/speech/talk-$i.wav" 0 "$TMP/v.wav" "$TMP/h.wav"
    note speech/talk-$i.wav "$v at $lv dBFS, ${HISS_KINDS[$odd]} hiss at $hs dBFS"

    # speech: the same through a phone line
    lv=$(between "$((9 - i))" -20 -27); hs=$(between "$i" -58 -66)
    v=$(voice "$i" 2 1 "$lv" "$TMP/v.wav"); sound white $((i + 20)) 1 "$hs" "$TMP/h.wav"
    line "$OUT/speech/phone-talk-$i.wav" 1 "$TMP/v.wav" "$TMP/h.wav"
    note speech/phone-talk-$i.wav "phone: $v at $lv dBFS, white hiss at $hs dBFS, mu-law"

    # speech: a talker over mild noise, SNR 15..24 dB
    kind=${NOISES[$((i % 4))]}; lv=$(between "$((i * 7 % 10))" -20 -25); snr=$(between "$i" 24 15)
    nl=$(awk -v l="$lv" -v s="$snr" 'BEGIN { printf "%.1f", l - s }')
    v=$(voice "$i" 4 "$even" "$lv" "$TMP/v.wav"); sound "$kind" $((i + 30)) "$even" "$nl" "$TMP/n.wav"
    line "$OUT/speech/mild-noise-talk-$i.wav" "$even" "$TMP/v.wav" "$TMP/n.wav"
    note speech/mild-noise-talk-$i.wav "$([ $even = 1 ] && echo 'phone: ')$v at $lv dBFS over $kind noise at $nl dBFS (SNR $snr dB)"

    # quiet: hands-free or far from the phone
    lv=$(between "$i" -31 -40); hs=$(between "$i" -64 -72)
    v=$(voice "$i" 1 0 "$lv" "$TMP/v.wav"); sound "${HISS_KINDS[$even]}" $((i + 40)) 0 "$hs" "$TMP/h.wav"
    line "$OUT/quiet/quiet-$i.wav" 0 "$TMP/v.wav" "$TMP/h.wav"
    note quiet/quiet-$i.wav "$v at $lv dBFS, ${HISS_KINDS[$even]} hiss at $hs dBFS"

    lv=$(between "$((9 - i))" -31 -40); hs=$(between "$i" -62 -70)
    v=$(voice "$i" 3 1 "$lv" "$TMP/v.wav"); sound white $((i + 50)) 1 "$hs" "$TMP/h.wav"
    line "$OUT/quiet/phone-quiet-$i.wav" 1 "$TMP/v.wav" "$TMP/h.wav"
    note quiet/phone-quiet-$i.wav "phone: $v at $lv dBFS, white hiss at $hs dBFS, mu-law"

    # noise: steady noise, no talker
    kind=${NOISES[$((i % 3))]}; nl=$(between "$((i * 3 % 10))" -12 -35)
    sound "$kind" $((i + 60)) "$odd" "$nl" "$TMP/n.wav"
    line "$OUT/noise/steady-$i.wav" "$odd" "$TMP/n.wav"
    note noise/steady-$i.wav "$([ $odd = 1 ] && echo 'phone: ')$kind noise at $nl dBFS"

    # noise: babble of 6-8 voices
    nl=$(between "$((i * 7 % 10))" -16 -32)
    sound babble $((i + 70)) "$even" "$nl" "$TMP/n.wav"
    line "$OUT/noise/babble-$i.wav" "$even" "$TMP/n.wav"
    note noise/babble-$i.wav "$([ $even = 1 ] && echo 'phone: ')babble of $((6 + (i + 70) % 3)) voices at $nl dBFS"

    # noise: a talker the noise drowns, SNR -6..+2 dB
    kind=${NOISES[$(((i + 1) % 4))]}; lv=$(between "$i" -18 -24); snr=$(between "$((i * 3 % 10))" 2 -6)
    nl=$(awk -v l="$lv" -v s="$snr" 'BEGIN { printf "%.1f", l - s }')
    v=$(voice "$i" 5 "$odd" "$lv" "$TMP/v.wav"); sound "$kind" $((i + 80)) "$odd" "$nl" "$TMP/n.wav"
    line "$OUT/noise/loud-noise-talk-$i.wav" "$odd" "$TMP/v.wav" "$TMP/n.wav"
    note noise/loud-noise-talk-$i.wav "$([ $odd = 1 ] && echo 'phone: ')$v at $lv dBFS under $kind noise at $nl dBFS (SNR $snr dB)"

    # silence: line hiss, or nothing at all
    hs=$(between "$((i * 3 % 10))" -50 -75)
    if ((i == 0)); then
        sox -R -D -n -r $RATE -c 1 -b 16 "$TMP/h.wav" trim 0 "$CLIP_S"
        note silence/hiss-$i.wav "digital silence (all zero)"
    else
        sound "${HISS_KINDS[$odd]}" $((i + 90)) 0 "$hs" "$TMP/h.wav"
        note silence/hiss-$i.wav "${HISS_KINDS[$odd]} hiss at $hs dBFS"
    fi
    line "$OUT/silence/hiss-$i.wav" 0 "$TMP/h.wav"

    hs=$(between "$((i * 7 % 10))" -50 -72)
    sound "${NOISES[$((i % 3))]}" $((i + 95)) 1 "$hs" "$TMP/h.wav"
    line "$OUT/silence/phone-hiss-$i.wav" 1 "$TMP/h.wav"
    note silence/phone-hiss-$i.wav "phone: ${NOISES[$((i % 3))]} hiss at $hs dBFS, mu-law"
done

count=$(find "$OUT" -name '*.wav' | wc -l)
echo "make-clips.sh: $count clips in $OUT ($(du -sh "$OUT" | cut -f1))"
