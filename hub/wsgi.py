import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
application = get_wsgi_application()

# Everything loaded so far lives as long as the process. Frozen, the garbage collector stops
# walking it at every full collection: under load those walks took 40-50 ms each, the slowest
# 1% of search requests (docs/performance.md).
gc.collect()
gc.freeze()
