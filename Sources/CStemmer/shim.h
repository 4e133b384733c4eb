// Snowball's libstemmer (Debian package libstemmer-dev; no pkg-config file).
#ifndef PASSERELLE_CSTEMMER_SHIM_H
#define PASSERELLE_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
