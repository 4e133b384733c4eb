// libxml2 as seen from Swift. Debian builds libxml2 with ICU, and its
// <libxml/encoding.h> would pull ICU's headers into Swift, where they clash with
// Foundation's own ICU (see C-INTEROP.md). Turn that off before anything else.
#ifndef PASSERELLE_CLIBXML2_SHIM_H
#define PASSERELLE_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/relaxng.h>
#include <libxml/uri.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlregexp.h>

/// `xmlFree` is a macro-backed global function pointer in the threaded build.
static inline void pc_xml_free(void *pointer) { xmlFree(pointer); }

/// libxml2 prints some errors (encoding conversion, I/O) through its generic handler, to
/// stderr, whatever structured handler is set: they reach Passerelle as parse errors anyway,
/// so the generic handler says nothing (for this thread and the threads made later).
static void pc_xml_silent(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void pc_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, pc_xml_silent);
    xmlThrDefSetGenericErrorFunc(NULL, pc_xml_silent);
}

#endif
