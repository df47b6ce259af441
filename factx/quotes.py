def extract(doc, ctx):
    return []
