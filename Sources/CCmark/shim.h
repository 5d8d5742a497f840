#ifndef MARROW_CCMARK_SHIM_H
#define MARROW_CCMARK_SHIM_H
#include <cmark.h>
#endif
