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

#endif
