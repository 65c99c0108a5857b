// hello: the smallest program init starts: prints its arguments and ids.
#include <stdio.h>
#include <unistd.h>

int main(int argc, char** argv) {
  printf("hello: pid %d, parent %d:", getpid(), getppid());
  for (int i = 0; i < argc; ++i) printf(" [%s]", argv[i]);
  printf("\n");
  return 0;
}
