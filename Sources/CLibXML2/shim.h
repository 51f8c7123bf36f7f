#ifndef APIGEN_CLIBXML2_SHIM_H
#define APIGEN_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its UErrorCode clashes with Foundation's copy.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlmemory.h>

// xmlFree is a C global function pointer, which Swift 6 rejects as not concurrency-safe.
static inline void apigen_xmlFree(void *pointer) { xmlFree(pointer); }
#endif
