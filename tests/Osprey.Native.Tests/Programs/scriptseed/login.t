#!/usr/bin/perl
# A server test in the style of nginx's: the request is written out in a here-document.
use Test::More tests => 1;

like(http(<<EOF), qr/200 OK/, 'login page');
GET /login HTTP/1.0
Host: localhost

EOF
