/* core/validate.c - placeholder until the default validator lands. */
#include "validate.h"
