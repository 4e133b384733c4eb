// The only file of Passerelle that includes ICU headers. See include/icu_bridge.h.
#include "icu_bridge.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ucasemap.h>
#include <unicode/ucol.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/unum.h>
#include <unicode/usearch.h>
#include <unicode/ustring.h>

struct pc_collator { UCollator *icu; };
struct pc_word_breaker { UBreakIterator *icu; };

const char *pc_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

// MARK: Locales

int32_t pc_locale_canonicalize(const char *tag, char *buffer, int32_t capacity,
                               int32_t *parsedAll, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t parsed = 0;
    int32_t tagLength = (int32_t)strlen(tag);
    int32_t length;
    *parsedAll = 0;
    // An ICU id ("de@collation=phonebook", "de_DE") is not a language tag.
    if (strchr(tag, '@') != NULL || strchr(tag, '_') != NULL) {
        length = uloc_canonicalize(tag, buffer, capacity, &error);
        *parsedAll = 1;
    } else {
        length = uloc_forLanguageTag(tag, buffer, capacity, &parsed, &error);
        *parsedAll = (parsed == tagLength) ? 1 : 0;
    }
    *status = error;
    return length;
}

int32_t pc_locale_language(const char *localeID, char *buffer, int32_t capacity,
                           int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t length = uloc_getLanguage(localeID, buffer, capacity, &error);
    *status = error;
    return length;
}

int32_t pc_language_is_available(const char *language) {
    int32_t count = uloc_countAvailable();
    for (int32_t index = 0; index < count; index++) {
        char candidate[ULOC_LANG_CAPACITY];
        UErrorCode error = U_ZERO_ERROR;
        uloc_getLanguage(uloc_getAvailable(index), candidate, ULOC_LANG_CAPACITY, &error);
        if (U_SUCCESS(error) && strcmp(candidate, language) == 0) return 1;
    }
    return 0;
}

int32_t pc_locale_keyword(const char *localeID, const char *key, char *buffer,
                          int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t length = uloc_getKeywordValue(localeID, key, buffer, capacity, &error);
    *status = error;
    return length;
}

int32_t pc_collation_type_is_available(const char *localeID, const char *type) {
    UErrorCode error = U_ZERO_ERROR;
    UEnumeration *values = ucol_getKeywordValuesForLocale("collation", localeID, 0, &error);
    if (U_FAILURE(error)) return 0;
    int32_t found = 0;
    const char *value;
    while ((value = uenum_next(values, NULL, &error)) != NULL && U_SUCCESS(error)) {
        if (strcasecmp(value, type) == 0) { found = 1; break; }
    }
    uenum_close(values);
    return found;
}

// MARK: Collation

static UColAttribute icu_attribute(int32_t attribute) {
    switch (attribute) {
    case PC_ATTR_STRENGTH: return UCOL_STRENGTH;
    case PC_ATTR_ALTERNATE_SHIFTED: return UCOL_ALTERNATE_HANDLING;
    case PC_ATTR_CASE_FIRST: return UCOL_CASE_FIRST;
    case PC_ATTR_NUMERIC: return UCOL_NUMERIC_COLLATION;
    case PC_ATTR_NORMALIZATION: return UCOL_NORMALIZATION_MODE;
    case PC_ATTR_BACKWARDS_SECONDARY: return UCOL_FRENCH_COLLATION;
    case PC_ATTR_CASE_LEVEL: return UCOL_CASE_LEVEL;
    default: return UCOL_ATTRIBUTE_COUNT;
    }
}

static UColAttributeValue icu_value(int32_t attribute, int32_t value) {
    switch (attribute) {
    case PC_ATTR_STRENGTH:
        switch (value) {
        case PC_STRENGTH_PRIMARY: return UCOL_PRIMARY;
        case PC_STRENGTH_SECONDARY: return UCOL_SECONDARY;
        case PC_STRENGTH_TERTIARY: return UCOL_TERTIARY;
        case PC_STRENGTH_QUATERNARY: return UCOL_QUATERNARY;
        default: return UCOL_IDENTICAL;
        }
    case PC_ATTR_ALTERNATE_SHIFTED: return value ? UCOL_SHIFTED : UCOL_NON_IGNORABLE;
    case PC_ATTR_CASE_FIRST:
        return value == 1 ? UCOL_LOWER_FIRST : (value == 2 ? UCOL_UPPER_FIRST : UCOL_OFF);
    default: return value ? UCOL_ON : UCOL_OFF;
    }
}

static int32_t pc_value(int32_t attribute, UColAttributeValue value) {
    switch (attribute) {
    case PC_ATTR_STRENGTH:
        switch (value) {
        case UCOL_PRIMARY: return PC_STRENGTH_PRIMARY;
        case UCOL_SECONDARY: return PC_STRENGTH_SECONDARY;
        case UCOL_TERTIARY: return PC_STRENGTH_TERTIARY;
        case UCOL_QUATERNARY: return PC_STRENGTH_QUATERNARY;
        default: return PC_STRENGTH_IDENTICAL;
        }
    case PC_ATTR_ALTERNATE_SHIFTED: return value == UCOL_SHIFTED;
    case PC_ATTR_CASE_FIRST:
        return value == UCOL_LOWER_FIRST ? 1 : (value == UCOL_UPPER_FIRST ? 2 : 0);
    default: return value == UCOL_ON;
    }
}

pc_collator *pc_collator_open(const char *localeID, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UCollator *icu = ucol_open(localeID, &error);
    *status = error;
    if (U_FAILURE(error)) return NULL;
    pc_collator *collator = malloc(sizeof(pc_collator));
    if (collator == NULL) { ucol_close(icu); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    collator->icu = icu;
    return collator;
}

void pc_collator_close(pc_collator *collator) {
    if (collator == NULL) return;
    ucol_close(collator->icu);
    free(collator);
}

void pc_collator_set_attribute(pc_collator *collator, int32_t attribute, int32_t value,
                               int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    ucol_setAttribute(collator->icu, icu_attribute(attribute), icu_value(attribute, value),
                      &error);
    *status = error;
}

int32_t pc_collator_get_attribute(const pc_collator *collator, int32_t attribute,
                                  int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UColAttributeValue value = ucol_getAttribute(collator->icu, icu_attribute(attribute), &error);
    *status = error;
    return pc_value(attribute, value);
}

int32_t pc_collator_actual_locale(const pc_collator *collator, char *buffer,
                                  int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const char *name = ucol_getLocaleByType(collator->icu, ULOC_ACTUAL_LOCALE, &error);
    *status = error;
    if (name == NULL) name = "";
    int32_t length = (int32_t)strlen(name);
    if (length < capacity) memcpy(buffer, name, (size_t)length + 1);
    return length;
}

int32_t pc_collator_compare(const pc_collator *collator, const uint16_t *a, int32_t aLength,
                            const uint16_t *b, int32_t bLength) {
    return (int32_t)ucol_strcoll(collator->icu, (const UChar *)a, aLength, (const UChar *)b,
                                 bLength);
}

int32_t pc_collator_compare_utf8(const pc_collator *collator, const char *a, int32_t aLength,
                                 const char *b, int32_t bLength, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UCollationResult result = ucol_strcollUTF8(collator->icu, a, aLength, b, bLength, &error);
    *status = error;
    return (int32_t)result;
}

int32_t pc_collator_sort_key(const pc_collator *collator, const uint16_t *text,
                             int32_t length, uint8_t *key, int32_t capacity) {
    return ucol_getSortKey(collator->icu, (const UChar *)text, length, key, capacity);
}

int32_t pc_collator_sort_key_utf8(const pc_collator *collator, const char *text,
                                  int32_t length, uint8_t *key, int32_t capacity,
                                  int32_t *status) {
    UChar stackBuffer[512];
    UChar *utf16 = stackBuffer;
    int32_t utf16Length = 0;
    UErrorCode error = U_ZERO_ERROR;
    u_strFromUTF8(utf16, 512, &utf16Length, text, length, &error);
    if (error == U_BUFFER_OVERFLOW_ERROR || error == U_STRING_NOT_TERMINATED_WARNING) {
        utf16 = malloc(sizeof(UChar) * ((size_t)utf16Length + 1));
        if (utf16 == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
        error = U_ZERO_ERROR;
        u_strFromUTF8(utf16, utf16Length + 1, &utf16Length, text, length, &error);
    }
    *status = U_FAILURE(error) ? error : U_ZERO_ERROR;
    int32_t keyLength = 0;
    if (U_SUCCESS(error)) {
        keyLength = ucol_getSortKey(collator->icu, utf16, utf16Length, key, capacity);
    }
    if (utf16 != stackBuffer) free(utf16);
    return keyLength;
}

// MARK: Word breaks

pc_word_breaker *pc_word_breaker_open(const char *localeID, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *icu = ubrk_open(UBRK_WORD, localeID, NULL, 0, &error);
    *status = error;
    if (U_FAILURE(error)) return NULL;
    pc_word_breaker *breaker = malloc(sizeof(pc_word_breaker));
    if (breaker == NULL) { ubrk_close(icu); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    breaker->icu = icu;
    return breaker;
}

void pc_word_breaker_close(pc_word_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->icu);
    free(breaker);
}

int32_t pc_word_breaker_words(pc_word_breaker *breaker, const uint16_t *text, int32_t length,
                              int32_t *starts, int32_t *ends, int32_t *kinds,
                              int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    ubrk_setText(breaker->icu, (const UChar *)text, length, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t count = 0;
    int32_t start = ubrk_first(breaker->icu);
    for (int32_t end = ubrk_next(breaker->icu); end != UBRK_DONE;
         start = end, end = ubrk_next(breaker->icu)) {
        int32_t rule = ubrk_getRuleStatus(breaker->icu);
        if (rule < UBRK_WORD_NUMBER) continue;
        if (count < capacity) {
            starts[count] = start;
            ends[count] = end;
            kinds[count] = rule < UBRK_WORD_LETTER ? PC_WORD_NUMBER
                         : rule < UBRK_WORD_KANA   ? PC_WORD_LETTER
                         : rule < UBRK_WORD_IDEO   ? PC_WORD_KANA
                                                   : PC_WORD_IDEO;
        }
        count++;
    }
    // Do not keep a pointer to the caller's text after the call.
    ubrk_setText(breaker->icu, NULL, 0, &error);
    *status = U_ZERO_ERROR;
    return count;
}

// MARK: Search

int32_t pc_search_all(const pc_collator *collator, const uint16_t *pattern, int32_t patternLength,
                      const uint16_t *text, int32_t textLength,
                      int32_t *starts, int32_t *lengths, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UStringSearch *search = usearch_openFromCollator(
        (const UChar *)pattern, patternLength, (const UChar *)text, textLength,
        collator->icu, NULL, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return 0;
    }
    int32_t count = 0;
    for (int32_t position = usearch_first(search, &error);
         U_SUCCESS(error) && position != USEARCH_DONE;
         position = usearch_next(search, &error)) {
        if (count < capacity) {
            starts[count] = position;
            lengths[count] = usearch_getMatchedLength(search);
        }
        count++;
    }
    *status = U_FAILURE(error) ? error : U_ZERO_ERROR;
    usearch_close(search);
    return count;
}

// MARK: Normalization and case

int32_t pc_normalize(int32_t form, const uint16_t *text, int32_t length, uint16_t *out,
                     int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *normalizer;
    switch (form) {
    case PC_NORM_NFD: normalizer = unorm2_getNFDInstance(&error); break;
    case PC_NORM_NFKC: normalizer = unorm2_getNFKCInstance(&error); break;
    case PC_NORM_NFKD: normalizer = unorm2_getNFKDInstance(&error); break;
    case PC_NORM_NFKC_CASEFOLD: normalizer = unorm2_getNFKCCasefoldInstance(&error); break;
    default: normalizer = unorm2_getNFCInstance(&error); break;
    }
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t result = unorm2_normalize(normalizer, (const UChar *)text, length, (UChar *)out,
                                      capacity, &error);
    *status = error;
    return result;
}

int32_t pc_fold_case(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity,
                     int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t result = u_strFoldCase((UChar *)out, capacity, (const UChar *)text, length,
                                   U_FOLD_CASE_DEFAULT, &error);
    *status = error;
    return result;
}

int32_t pc_change_case(const char *localeID, int32_t upper, const uint16_t *text,
                       int32_t length, uint16_t *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t result = upper
        ? u_strToUpper((UChar *)out, capacity, (const UChar *)text, length, localeID, &error)
        : u_strToLower((UChar *)out, capacity, (const UChar *)text, length, localeID, &error);
    *status = error;
    return result;
}

// MARK: Dates and numbers

static UDateFormatStyle icu_style(int32_t style) {
    switch (style) {
    case PC_STYLE_FULL: return UDAT_FULL;
    case PC_STYLE_LONG: return UDAT_LONG;
    case PC_STYLE_MEDIUM: return UDAT_MEDIUM;
    case PC_STYLE_SHORT: return UDAT_SHORT;
    default: return UDAT_NONE;
    }
}

int32_t pc_format_date(const char *localeID, int32_t dateStyle, int32_t timeStyle,
                       const uint16_t *timeZone, int32_t timeZoneLength,
                       double millisSince1970, uint16_t *out, int32_t capacity,
                       int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UDateFormat *format = udat_open(icu_style(timeStyle), icu_style(dateStyle), localeID,
                                    (const UChar *)timeZone, timeZoneLength, NULL, 0, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t result = udat_format(format, millisSince1970, (UChar *)out, capacity, NULL, &error);
    udat_close(format);
    *status = error;
    return result;
}

int32_t pc_format_date_skeleton(const char *localeID, const uint16_t *skeleton,
                                int32_t skeletonLength, const uint16_t *timeZone,
                                int32_t timeZoneLength, double millisSince1970,
                                uint16_t *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UDateTimePatternGenerator *generator = udatpg_open(localeID, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    UChar pattern[128];
    int32_t patternLength = udatpg_getBestPattern(generator, (const UChar *)skeleton,
                                                  skeletonLength, pattern, 128, &error);
    udatpg_close(generator);
    if (U_FAILURE(error) || patternLength >= 128) {
        *status = U_FAILURE(error) ? error : U_BUFFER_OVERFLOW_ERROR;
        return 0;
    }
    UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, localeID,
                                    (const UChar *)timeZone, timeZoneLength, pattern,
                                    patternLength, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t result = udat_format(format, millisSince1970, (UChar *)out, capacity, NULL, &error);
    udat_close(format);
    *status = error;
    return result;
}

int32_t pc_locale_display_name(const char *localeID, const char *displayLocaleID,
                               uint16_t *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t result = uloc_getDisplayName(localeID, displayLocaleID, (UChar *)out, capacity, &error);
    *status = error;
    return result;
}

int32_t pc_format_number(const char *localeID, double value, int32_t minFraction,
                         int32_t maxFraction, uint16_t *out, int32_t capacity,
                         int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UNumberFormat *format = unum_open(UNUM_DECIMAL, NULL, 0, localeID, NULL, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    unum_setAttribute(format, UNUM_MIN_FRACTION_DIGITS, minFraction);
    unum_setAttribute(format, UNUM_MAX_FRACTION_DIGITS, maxFraction);
    int32_t result = unum_formatDouble(format, value, (UChar *)out, capacity, NULL, &error);
    unum_close(format);
    *status = error;
    return result;
}

int32_t pc_language_alias(const char *code, char *buffer, int32_t capacity) {
    char canonical[ULOC_FULLNAME_CAPACITY];
    char language[ULOC_LANG_CAPACITY];
    UErrorCode error = U_ZERO_ERROR;
    uloc_canonicalize(code, canonical, ULOC_FULLNAME_CAPACITY, &error);
    if (U_SUCCESS(error)) {
        error = U_ZERO_ERROR;
        uloc_getLanguage(canonical, language, ULOC_LANG_CAPACITY, &error);
        if (U_SUCCESS(error) && strcmp(language, code) != 0 && pc_language_is_available(language)) {
            int32_t length = (int32_t)strlen(language);
            if (length >= capacity) return 0;
            memcpy(buffer, language, (size_t)length + 1);
            return length;
        }
    }
    // A three-letter ISO 639-2/T code ("deu") of a language ICU knows by its two-letter code.
    int32_t count = uloc_countAvailable();
    for (int32_t index = 0; index < count; index++) {
        const char *candidate = uloc_getAvailable(index);
        if (strcmp(uloc_getISO3Language(candidate), code) == 0) {
            error = U_ZERO_ERROR;
            int32_t length = uloc_getLanguage(candidate, buffer, capacity, &error);
            return U_SUCCESS(error) ? length : 0;
        }
    }
    return 0;
}

int32_t pc_script_of(uint32_t codepoint) {
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codepoint, &error);
    return U_SUCCESS(error) ? (int32_t)code : -1;
}

const char *pc_script_name(int32_t code) {
    const char *name = uscript_getName((UScriptCode)code);
    return name ? name : "Unknown";
}
