// A plain C layer over Debian's ICU (libicu 72).
//
// Swift must never see an ICU header: Foundation on Linux carries its own ICU
// (76) as a Clang module and the two definitions of `UErrorCode` clash. This
// header therefore exposes only fixed-width integers and opaque handles; the
// implementation file is the only place that includes <unicode/...>.
//
// Conventions:
// - every function that can fail takes `int32_t *status`, an ICU UErrorCode
//   (0 = success, negative = warning, positive = error); `pc_error_name` names it;
// - strings are UTF-16 (`const uint16_t *`, length in code units) unless the
//   name ends in `_utf8`;
// - functions filling a caller buffer return the length they need; when it is
//   larger than the capacity, the caller retries with a larger buffer.
#ifndef PASSERELLE_ICU_BRIDGE_H
#define PASSERELLE_ICU_BRIDGE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The name of an ICU error code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *pc_error_name(int32_t status);

// MARK: Locales

/// Converts a BCP 47 tag or an ICU locale id to a canonical ICU locale id.
/// Returns the needed length. `*parsedAll` is 1 when the whole input was understood.
int32_t pc_locale_canonicalize(const char *tag, char *buffer, int32_t capacity,
                               int32_t *parsedAll, int32_t *status);

/// The language subtag of an ICU locale id ("de" for "de_DE@collation=phonebook").
int32_t pc_locale_language(const char *localeID, char *buffer, int32_t capacity,
                           int32_t *status);

/// The language ICU knows `code` as, when `code` is an alias of it: a deprecated or
/// bibliographic code ("ger", "iw") mapped by uloc_canonicalize, or an ISO 639-2/T code
/// ("deu"). Writes it to buffer and returns its length; 0 when there is none.
int32_t pc_language_alias(const char *code, char *buffer, int32_t capacity);

/// 1 when ICU has locale data for this language (checked against uloc_getAvailable).
int32_t pc_language_is_available(const char *language);

/// The value of a keyword of a locale id ("phonebook" for key "collation"), or length 0.
int32_t pc_locale_keyword(const char *localeID, const char *key, char *buffer,
                          int32_t capacity, int32_t *status);

/// 1 when `type` is a collation type ICU offers for this locale ("phonebook" for "de").
int32_t pc_collation_type_is_available(const char *localeID, const char *type);

// MARK: Collation

typedef struct pc_collator pc_collator;

enum {
    PC_ATTR_STRENGTH = 0,
    PC_ATTR_ALTERNATE_SHIFTED = 1,   // value 0 = non-ignorable, 1 = shifted
    PC_ATTR_CASE_FIRST = 2,          // value 0 = off, 1 = lower first, 2 = upper first
    PC_ATTR_NUMERIC = 3,             // 0 / 1
    PC_ATTR_NORMALIZATION = 4,       // 0 / 1
    PC_ATTR_BACKWARDS_SECONDARY = 5, // 0 / 1 (French accent order)
    PC_ATTR_CASE_LEVEL = 6,          // 0 / 1
};

enum {
    PC_STRENGTH_PRIMARY = 0,
    PC_STRENGTH_SECONDARY = 1,
    PC_STRENGTH_TERTIARY = 2,
    PC_STRENGTH_QUATERNARY = 3,
    PC_STRENGTH_IDENTICAL = 15,
};

pc_collator *pc_collator_open(const char *localeID, int32_t *status);
void pc_collator_close(pc_collator *collator);
void pc_collator_set_attribute(pc_collator *collator, int32_t attribute, int32_t value,
                               int32_t *status);
int32_t pc_collator_get_attribute(const pc_collator *collator, int32_t attribute,
                                  int32_t *status);
/// The locale whose rules are actually used ("root" for fr, de, en).
int32_t pc_collator_actual_locale(const pc_collator *collator, char *buffer,
                                  int32_t capacity, int32_t *status);

/// -1, 0 or 1.
int32_t pc_collator_compare(const pc_collator *collator, const uint16_t *a, int32_t aLength,
                            const uint16_t *b, int32_t bLength);
/// -1, 0 or 1; both inputs UTF-8 (invalid sequences compare as U+FFFD).
int32_t pc_collator_compare_utf8(const pc_collator *collator, const char *a, int32_t aLength,
                                 const char *b, int32_t bLength, int32_t *status);

/// Writes the sort key (with its trailing 0) and returns its full length.
int32_t pc_collator_sort_key(const pc_collator *collator, const uint16_t *text,
                             int32_t length, uint8_t *key, int32_t capacity);

/// Same from UTF-8. `*status` becomes U_INVALID_CHAR_FOUND on invalid UTF-8.
int32_t pc_collator_sort_key_utf8(const pc_collator *collator, const char *text,
                                  int32_t length, uint8_t *key, int32_t capacity,
                                  int32_t *status);

// MARK: Word breaks

enum {
    PC_WORD_NUMBER = 1,
    PC_WORD_LETTER = 2,
    PC_WORD_KANA = 3,
    PC_WORD_IDEO = 4,
};

typedef struct pc_word_breaker pc_word_breaker;

pc_word_breaker *pc_word_breaker_open(const char *localeID, int32_t *status);
void pc_word_breaker_close(pc_word_breaker *breaker);

/// Finds the words of `text` (rule status >= 100: numbers, letters, kana,
/// ideographs; spaces and punctuation are skipped). Fills `starts`, `ends`
/// (UTF-16 offsets) and `kinds` (PC_WORD_*) up to `capacity` and returns the
/// number of words. The text is only read during the call.
int32_t pc_word_breaker_words(pc_word_breaker *breaker, const uint16_t *text, int32_t length,
                              int32_t *starts, int32_t *ends, int32_t *kinds,
                              int32_t capacity, int32_t *status);

// MARK: Collation-based search

/// Finds every match of `pattern` in `text` under the collator's strength.
/// Fills `starts` and `lengths` (UTF-16) up to `capacity`; returns the match count.
int32_t pc_search_all(const pc_collator *collator, const uint16_t *pattern, int32_t patternLength,
                      const uint16_t *text, int32_t textLength,
                      int32_t *starts, int32_t *lengths, int32_t capacity, int32_t *status);

// MARK: Normalization and case

enum {
    PC_NORM_NFC = 0,
    PC_NORM_NFD = 1,
    PC_NORM_NFKC = 2,
    PC_NORM_NFKD = 3,
    PC_NORM_NFKC_CASEFOLD = 4,
};

int32_t pc_normalize(int32_t form, const uint16_t *text, int32_t length, uint16_t *out,
                     int32_t capacity, int32_t *status);

/// Full Unicode case folding (locale-independent; "Straße" -> "strasse").
int32_t pc_fold_case(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity,
                     int32_t *status);

/// Locale-sensitive lower (upper when `upper` is 1) case mapping.
int32_t pc_change_case(const char *localeID, int32_t upper, const uint16_t *text,
                       int32_t length, uint16_t *out, int32_t capacity, int32_t *status);

// MARK: Dates and numbers

enum {
    PC_STYLE_FULL = 0,
    PC_STYLE_LONG = 1,
    PC_STYLE_MEDIUM = 2,
    PC_STYLE_SHORT = 3,
    PC_STYLE_NONE = -1,
};

/// Formats `millisSince1970` with date and time styles in a time zone ("UTC", "Europe/Paris").
int32_t pc_format_date(const char *localeID, int32_t dateStyle, int32_t timeStyle,
                       const uint16_t *timeZone, int32_t timeZoneLength,
                       double millisSince1970, uint16_t *out, int32_t capacity,
                       int32_t *status);

/// Formats with a skeleton ("yMMMMd", "EEEEdMMMM", "Hm"): ICU picks the locale's pattern.
int32_t pc_format_date_skeleton(const char *localeID, const uint16_t *skeleton,
                                int32_t skeletonLength, const uint16_t *timeZone,
                                int32_t timeZoneLength, double millisSince1970,
                                uint16_t *out, int32_t capacity, int32_t *status);

/// The display name of locale `localeID` in the language of `displayLocaleID`
/// ("Deutsch" for de in de). Wraps uloc_getDisplayName.
int32_t pc_locale_display_name(const char *localeID, const char *displayLocaleID,
                               uint16_t *out, int32_t capacity, int32_t *status);

/// Formats a number with between `minFraction` and `maxFraction` fraction digits.
int32_t pc_format_number(const char *localeID, double value, int32_t minFraction,
                         int32_t maxFraction, uint16_t *out, int32_t capacity,
                         int32_t *status);

/// The Unicode script of a code point (uscript_getScript): 0 Common, 1 Inherited, 25 Latin,
/// 8 Cyrillic, 14 Greek ...; -1 on error.
int32_t pc_script_of(uint32_t codepoint);

/// The script's long name ("Latin", "Cyrillic"), from uscript_getName.
const char *pc_script_name(int32_t code);

#ifdef __cplusplus
}
#endif

#endif
