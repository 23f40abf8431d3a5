"""The embedded demo: `manage.py load_demo` reads hub/demo/content/ and loads it through each
app's services (never in production)."""
