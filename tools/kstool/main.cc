// kstool: keytool's command line over the kstore library.
#include <cstdio>

int main() {
  std::fputs("kstool: not yet\n", stderr);
  return 1;
}
