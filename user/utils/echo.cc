// echo [-n] [string...] (echo_out.h says what it prints).
#include <stdio.h>

#include "user/utils/echo_out.h"

int main(int argc, char** argv) {
  if (!utils::echo_out(argc, argv, stdout)) {
    fprintf(stderr, "echo: write error\n");
    return 1;
  }
  return 0;
}
