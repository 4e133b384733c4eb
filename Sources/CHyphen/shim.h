// libhyphen, the hyphenation library of LibreOffice and Hunspell (Debian package
// libhyphen-dev, no pkg-config file); its patterns come from hyphen-de, hyphen-fr and
// hyphen-en-us in /usr/share/hyphen.
#ifndef PASSERELLE_CHYPHEN_SHIM_H
#define PASSERELLE_CHYPHEN_SHIM_H
#include <stdio.h>
#include <hyphen.h>
#endif
