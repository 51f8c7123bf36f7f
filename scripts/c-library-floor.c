// The floor under apigen's parse time: cmark-gfm (with tables) and libxml2 alone, single-threaded,
// on the same pages, with no Liquid expansion, no extraction and no Swift. scripts/benchmark builds and runs it.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec/1e9;}
int main(int argc,char**argv){
  cmark_gfm_core_extensions_ensure_registered();
  cmark_syntax_extension*tab=cmark_find_syntax_extension("table");
  char**bufs=malloc(sizeof(char*)*argc); size_t*lens=malloc(sizeof(size_t)*argc);
  double t0=now();
  for(int i=1;i<argc;i++){FILE*f=fopen(argv[i],"rb");fseek(f,0,SEEK_END);long n=ftell(f);fseek(f,0,SEEK_SET);bufs[i]=malloc(n+1);fread(bufs[i],1,n,f);bufs[i][n]=0;lens[i]=n;fclose(f);}
  double t1=now(); double tc=0,tx=0;
  for(int i=1;i<argc;i++){
    double a=now();
    cmark_parser*p=cmark_parser_new(CMARK_OPT_UNSAFE);
    cmark_parser_attach_syntax_extension(p,tab);
    cmark_parser_feed(p,bufs[i],lens[i]);
    cmark_node*d=cmark_parser_finish(p);
    char*h=cmark_render_html(d,CMARK_OPT_UNSAFE,cmark_parser_get_syntax_extensions(p));
    double b=now(); tc+=b-a;
    htmlDocPtr doc=htmlReadMemory(h,strlen(h),NULL,"UTF-8",HTML_PARSE_RECOVER|HTML_PARSE_NOERROR|HTML_PARSE_NOWARNING|HTML_PARSE_NONET);
    xmlFreeDoc(doc); tx+=now()-b;
    free(h); cmark_node_free(d); cmark_parser_free(p);
  }
  printf("read %.1f ms, cmark %.1f ms, libxml2 %.1f ms, files %d\n",(t1-t0)*1000,tc*1000,tx*1000,argc-1);
}
