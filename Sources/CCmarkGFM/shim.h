#ifndef APIGEN_CCMARKGFM_SHIM_H
#define APIGEN_CCMARKGFM_SHIM_H
// Top-level headers only: adding -I/usr/include/cmark-gfm would let its private
// config.h/buffer.h shadow other headers.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
