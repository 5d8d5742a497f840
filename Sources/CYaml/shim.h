#ifndef MARROW_CYAML_SHIM_H
#define MARROW_CYAML_SHIM_H
#include <yaml.h>
#endif
